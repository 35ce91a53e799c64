package com.serviceloop.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At every start: the configured administrator ({@link AdministratorSetup}) and, outside the demo profile,
 * no demo user that still has the published password {@value IdentitySetup#DEMO_PASSWORD} (a database first
 * started with the old default, which was the demo profile, keeps working but loses those accounts).
 */
@Component
public class AdministratorStartup implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorStartup.class);

  private final ProcessEngine engine;
  private final String userId;
  private final String password;
  private final List<String> additionalAdministrators;
  private final boolean demoUsers;

  public AdministratorStartup(ProcessEngine engine,
      @Value("${serviceloop.admin.user:admin}") String userId,
      @Value("${serviceloop.admin.password:}") String password,
      @Value("${serviceloop.admin.additional-administrators:}") String additionalAdministrators,
      @Value("${serviceloop.demo-users:false}") boolean demoUsers) {
    this.engine = engine;
    this.userId = userId;
    this.password = password;
    this.additionalAdministrators = Arrays.stream(additionalAdministrators.split(",")).map(String::strip)
        .filter(id -> !id.isEmpty()).toList();
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterPropertiesSet() {
    try {
      setUp();
    } catch (IllegalStateException configuration) {
      throw configuration; // a missing or weak password: the start stops with the message
    } catch (RuntimeException concurrentStart) {
      // two nodes starting at once on one database may both create the administrator or its membership;
      // the second attempt sees what the other node wrote (every step is idempotent)
      LOG.info("Administrator set-up conflicted with another node ({}); trying once more", concurrentStart.toString());
      try {
        Thread.sleep(1_000 + (long) (Math.random() * 2_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      setUp();
    }
  }

  private void setUp() {
    IdentityService identity = engine.getIdentityService();
    if (!demoUsers) {
      removeDemoUsersWithTheKnownPassword(identity);
    }
    new AdministratorSetup(identity, engine.getAuthorizationService(), engine.getManagementService(),
        identity.getPasswordPolicy())
        .apply(userId, password, new HashSet<>(additionalAdministrators));
  }

  private void removeDemoUsersWithTheKnownPassword(IdentityService identity) {
    Set<String> candidates = new HashSet<>();
    candidates.add("demo");
    IdentitySetup.demoUsers().forEach(user -> candidates.add(user[0]));
    candidates.remove(userId);
    for (String candidate : candidates) {
      User user = identity.createUserQuery().userId(candidate).singleResult();
      if (user == null) {
        continue;
      }
      if (identity.checkPassword(candidate, IdentitySetup.DEMO_PASSWORD)) {
        identity.deleteUser(candidate);
        LOG.warn("Deleted the demo user '{}': it still had the published demo password and the demo profile "
            + "is not active", candidate);
      } else {
        identity.unlockUser(candidate); // the check above counted as a failed login
      }
    }
  }
}
