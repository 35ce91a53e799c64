package com.serviceloop.security;

import com.serviceloop.api.ForbiddenException;
import com.serviceloop.common.EngineCaller;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Who is calling /api (the HTTP Basic filter set the engine's authentication) and what they may do.
 * The project's endpoints answer 403 up front with a clear message, before looking at the input; the
 * engine checks its own permissions again on whatever it is then asked to do.
 */
@Component
public class ApiCaller {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  // The engine's administrator users and groups are configuration the public ProcessEngineConfiguration
  // does not expose (only ProcessEngineConfigurationImpl has them): the one impl type left here.
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public ApiCaller(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
    this.authorizationService = processEngine.getAuthorizationService();
    this.engineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** The caller may start the process (CREATE_INSTANCE on its definition), e.g. record a complaint. */
  public void requireMayStart(String processKey, String what) {
    EngineCaller caller = authenticated();
    if (isAdministrator(caller)) {
      return;
    }
    if (!authorizationService.isUserAuthorized(caller.userId(), caller.groupIds(),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey)) {
      throw new ForbiddenException("User '" + caller.userId() + "' may not " + what
          + " (CREATE_INSTANCE on process definition " + processKey + ")");
    }
  }

  /** The caller is a member of one of the groups (or an administrator), e.g. network staff for coverage data. */
  public void requireGroup(String what, String... groupIds) {
    EngineCaller caller = authenticated();
    List<String> groups = caller.groupIds();
    if (isAdministrator(caller) || Arrays.stream(groupIds).anyMatch(groups::contains)) {
      return;
    }
    throw new ForbiddenException("User '" + caller.userId() + "' may not " + what
        + " (only members of " + String.join(", ", groupIds) + ")");
  }

  /** The caller is an administrator (camunda-admin), e.g. to change the holiday schedule. */
  public void requireAdministrator(String what) {
    EngineCaller caller = authenticated();
    if (!isAdministrator(caller)) {
      throw new ForbiddenException("User '" + caller.userId() + "' may not " + what + " (administrators only)");
    }
  }

  /** Whether the caller is a member of one of the groups (or an administrator); no exception. */
  public boolean isInAnyGroup(String... groupIds) {
    EngineCaller caller = EngineCaller.current(identityService);
    if (caller == null) {
      return false;
    }
    List<String> groups = caller.groupIds();
    return isAdministrator(caller) || Arrays.stream(groupIds).anyMatch(groups::contains);
  }

  /** Whether the caller may read the engine's history of the process (READ_HISTORY on its definition). */
  public boolean mayReadHistory(String processKey) {
    EngineCaller caller = EngineCaller.current(identityService);
    if (caller == null) {
      return false;
    }
    return isAdministrator(caller) || authorizationService.isUserAuthorized(caller.userId(), caller.groupIds(),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, processKey);
  }

  /** The caller's user id (the filter authenticated every /api request). */
  public String userId() {
    return authenticated().userId();
  }

  private EngineCaller authenticated() {
    EngineCaller caller = EngineCaller.current(identityService);
    if (caller == null) {
      throw new ForbiddenException("Not authenticated");
    }
    return caller;
  }

  /** The engine lets its administrators (camunda-admin) do anything; so do these checks. */
  private boolean isAdministrator(EngineCaller caller) {
    List<String> adminUsers = engineConfiguration.getAdminUsers();
    List<String> adminGroups = engineConfiguration.getAdminGroups();
    List<String> groups = caller.groupIds();
    return adminUsers != null && adminUsers.contains(caller.userId())
        || adminGroups != null && groups.stream().anyMatch(adminGroups::contains);
  }
}
