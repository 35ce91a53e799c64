package com.serviceloop.kpi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The KPI definitions' configurable part (application.yaml, serviceloop.kpi): the targets, in one
 * place, e.g. {@code timelyHandlingRate: ">= 0.96"}. The satisfaction weight lives in dmn/kpi-weights.dmn.
 */
@Component
@ConfigurationProperties("serviceloop.kpi")
public class KpiProperties {

  private Map<String, String> targets = new LinkedHashMap<>();
  private int ordersLimit = 500;

  public Map<String, String> getTargets() {
    return targets;
  }

  public void setTargets(Map<String, String> targets) {
    this.targets = targets;
  }

  public int getOrdersLimit() {
    return ordersLimit;
  }

  public void setOrdersLimit(int ordersLimit) {
    this.ordersLimit = ordersLimit;
  }

  public Optional<KpiTarget> target(Kpi kpi) {
    String text = targets.get(kpi.id());
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(KpiTarget.parse(text));
  }
}
