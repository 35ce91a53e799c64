package com.serviceloop.webapps;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * serviceloop.webapps.*: what the operator says in Cockpit, Tasklist, Admin and Welcome.
 *
 * @param bannerZh the operator's own line in the red bar at the top of every page (Chinese); it replaces
 *     Camunda's "migrate to Camunda 8" notice (locale key BANNER_CE_EOL_TEXT). Empty: no bar at all.
 * @param bannerEn the same line for users who switched to English.
 * @param networkRegions the regions that get their own Tasklist filter for network staff (the values of the
 *     process variable {@code region} on installation and fault-repair orders).
 */
@ConfigurationProperties(prefix = "serviceloop.webapps")
public record WebappProperties(String bannerZh, String bannerEn, List<String> networkRegions) {

  public WebappProperties {
    bannerZh = bannerZh == null ? "" : bannerZh.strip();
    bannerEn = bannerEn == null ? "" : bannerEn.strip();
    networkRegions = networkRegions == null ? List.of() : List.copyOf(networkRegions);
  }
}
