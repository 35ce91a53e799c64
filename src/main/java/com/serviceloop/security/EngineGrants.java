package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grants the engine writes by itself, as ServiceLoop wants them: its default authorization provider,
 * except that a new user gets READ and UPDATE on itself, not ALL (staff cannot delete their own account;
 * {@link SelfDeletionGuard} corrects older self-grants), and that a task's candidate group also gets READ on
 * the task's case ({@link CandidateGroupCaseAccess}).
 *
 * <p>Uses engine internals: the authorization provider and the engine plugin are the engine's only extension
 * point for the grants it creates for a new user or a task's identity link (no public API exists for them).
 */
@Configuration
public class EngineGrants {

  @Bean
  static ProcessEnginePlugin engineGrantsPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ServiceLoopAuthorizationProvider());
      }
    };
  }

  /** The default provider with the two changes above. */
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
}
