package com.serviceloop.common;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Who the engine is acting for (the authentication the HTTP filter or Tasklist set), read and restored
 * through the public {@link IdentityService} only: user id, groups and tenants as plain values.
 */
public record EngineCaller(String userId, List<String> groupIds, List<String> tenantIds) {

  public EngineCaller {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
  }

  /** The current caller, or null when nobody is authenticated. */
  public static EngineCaller current(IdentityService identityService) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return null;
    }
    return new EngineCaller(authentication.getUserId(), authentication.getGroupIds(),
        authentication.getTenantIds());
  }

  /** Makes this caller the current one again (e.g. after a step ran as the application). */
  public void restore(IdentityService identityService) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
  }

  /** Runs {@code work} with nobody authenticated (the engine checks no authorizations), then restores the caller. */
  public static <T> T withoutAuthentication(IdentityService identityService, Supplier<T> work) {
    EngineCaller caller = current(identityService);
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        caller.restore(identityService);
      }
    }
  }
}
