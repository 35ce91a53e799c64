package com.serviceloop.installation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Users of the API tests, one per group, created on first use. Not the demo users: another test checks
 * their wrong passwords, which locks them for a few seconds.
 */
public final class TestUsers {

  public static final String PASSWORD = "it-secret";

  private TestUsers() {}

  public static synchronized void ensure(IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).count() > 0) {
      return;
    }
    User user = identity.newUser(userId);
    user.setFirstName("Test");
    user.setLastName(groupId);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(userId, groupId);
  }
}
