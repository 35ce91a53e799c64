package com.serviceloop.security;

import com.serviceloop.common.EnginePlugins;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's authorization checks without their first query. Before every authorized command the engine
 * reads the distinct group ids of all of {@code ACT_RU_AUTHORIZATION} ({@code selectAuthorizedGroupIds}) to
 * drop the caller's groups that have no authorization, which keeps the {@code GROUP_ID_ IN (…)} lists short
 * for users with thousands of directory groups. Here every task and every case a group works on has
 * authorization rows of its own (the engine's task grants, {@link CandidateGroupCaseAccess}), so that read
 * grows with the open work — a scan of hundreds of thousands of rows per command at 100,000 open orders
 * (camunda-bpm-platform#5485) — while staff have a handful of groups. With at most {@link #FILTER_ABOVE}
 * groups the caller's own groups are used as they are: a group without authorizations matches no row either
 * way, so every check answers the same. More groups are filtered as the engine does.
 *
 * <p>Uses engine internals: the authorization manager is an engine session, and a session factory is the
 * engine's only extension point for it (no public API exists).
 */
@Configuration
public class AuthorizedGroups {

  /** Up to this many groups a caller's group list is passed to the checks unfiltered. */
  static final int FILTER_ABOVE = 100;

  @Bean
  static ProcessEnginePlugin authorizedGroupsPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomSessionFactories(
            EnginePlugins.append(configuration.getCustomSessionFactories(), new SessionFactory() {
              @Override
              public Class<?> getSessionType() {
                return AuthorizationManager.class; // replaces the engine's own
              }

              @Override
              public Session openSession() {
                return new UnfilteredAuthorizationManager();
              }
            }));
      }
    };
  }

  /** The engine's authorization manager; a short group list is not filtered against the table. */
  static class UnfilteredAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > FILTER_ABOVE) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
      groups.remove(null);
      return new ArrayList<>(groups);
    }
  }
}
