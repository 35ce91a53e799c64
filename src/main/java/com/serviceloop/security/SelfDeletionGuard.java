package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff cannot delete their own account. The engine's default authorization provider gives every new
 * user ALL on its own USER resource — so anybody could DELETE themselves through /engine-rest/user/{id}
 * or Admin. Here a new user gets READ and UPDATE on itself (profile and own password stay editable), and
 * at every start DELETE is taken out of existing self-grants. Deleting users stays with administrators.
 *
 * <p>The same provider adds a candidate group's READ on the task's case ({@link CandidateGroupCaseAccess}).
 *
 * <p>Uses engine internals: the authorization provider and the engine plugin are the engine's only
 * extension point for the grants it creates for a new user (no public API exists for it).
 */
@Configuration
public class SelfDeletionGuard implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(SelfDeletionGuard.class);
  private final ProcessEngine engine;

  public SelfDeletionGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Bean
  static ProcessEnginePlugin selfDeletionGuardPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ServiceLoopAuthorizationProvider());
      }
    };
  }

  /**
   * The default provider, except for the grants a new user gets on itself, and with the case READ of
   * {@link CandidateGroupCaseAccess} added to a task's candidate group grants.
   */
  static class ServiceLoopAuthorizationProvider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
      return CandidateGroupCaseAccess.withCaseRead(super.newTaskGroupIdentityLink(task, groupId, identityLinkType),
          task, groupId, identityLinkType);
    }

    @Override
    public AuthorizationEntity[] newUser(User user) {
      AuthorizationEntity self = new AuthorizationEntity(AUTH_TYPE_GRANT);
      self.setUserId(user.getId());
      self.setResource(Resources.USER);
      self.setResourceId(user.getId());
      self.addPermission(Permissions.READ);
      self.addPermission(Permissions.UPDATE);
      return new AuthorizationEntity[] {self};
    }
  }

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
