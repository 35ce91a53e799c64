package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Staff cannot delete their own account. The engine's default authorization provider gives every new
 * user ALL on its own USER resource — so anybody could DELETE themselves through /engine-rest/user/{id}
 * or Admin. A new user gets READ and UPDATE on itself ({@link EngineGrants}: profile and own password stay
 * editable); here, at every start, DELETE is taken out of existing self-grants. Deleting users stays with
 * administrators.
 */
@Component
@RequiredArgsConstructor
public class SelfDeletionGuard implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(SelfDeletionGuard.class);
  private final ProcessEngine engine;

  @Override
  public void afterPropertiesSet() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    int corrected = 0;
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.USER).hasPermission(Permissions.DELETE).list()) {
      if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId())) {
        grant.removePermission(Permissions.DELETE);
        try {
          authorizations.saveAuthorization(grant);
          corrected++;
        } catch (OptimisticLockingException concurrentStart) {
          LOG.info("Another node corrected the self-grant of '{}' at the same time", grant.getUserId());
        }
      }
    }
    if (corrected > 0) {
      LOG.info("Took DELETE on their own account away from {} user(s)", corrected);
    }
  }
}
