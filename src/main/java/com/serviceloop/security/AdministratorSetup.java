package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The configured administrator (member of {@code camunda-admin}), brought in line with the configuration at
 * every start — replaces Camunda's {@code camunda.bpm.admin-user}, which creates the user once and then never
 * changes it (a rotated password was ignored, a renamed administrator kept the old one in the group).
 *
 * <ul>
 *   <li>{@code serviceloop.admin.user} / {@code .password} (SERVICELOOP_ADMIN_USER / SERVICELOOP_ADMIN_PASSWORD):
 *       the password must satisfy the engine's password policy (when it is enabled: every profile but demo and
 *       test); a changed password replaces the stored one, so the old one stops working.</li>
 *   <li>No password configured: an existing administrator is kept as it is; a missing one is created with a
 *       random password that is written to the log once (the first start of a fresh database).</li>
 *   <li>A different user than at the previous start (remembered as an engine property): the previous
 *       administrator is deleted — its memberships, its authorizations and its password go with it —
 *       unless it is listed as an additional administrator.</li>
 *   <li>Every other member of {@code camunda-admin} loses that membership unless listed in
 *       {@code serviceloop.admin.additional-administrators}: administrators are what the configuration says.</li>
 * </ul>
 */
public class AdministratorSetup {

  static final String PREVIOUS_ADMINISTRATOR_PROPERTY = "serviceloop.configured-administrator";
  private static final Logger LOG = LoggerFactory.getLogger(AdministratorSetup.class);
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ManagementService managementService;
  private final PasswordPolicy passwordPolicy;

  /** @param passwordPolicy the policy the configured password must satisfy; null: none (demo, tests) */
  public AdministratorSetup(IdentityService identityService, AuthorizationService authorizationService,
      ManagementService managementService, PasswordPolicy passwordPolicy) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.managementService = managementService;
    this.passwordPolicy = passwordPolicy;
  }

  /** What {@link #apply} did, for the log and the tests. */
  public record Outcome(String userId, boolean created, boolean passwordChanged, String generatedPassword,
      String deletedPreviousAdministrator, List<String> removedFromAdministrators) {}

  public Outcome apply(String userId, String password, Set<String> additionalAdministrators) {
    if (!StringUtils.hasText(userId)) {
      throw new IllegalStateException("ServiceLoop: serviceloop.admin.user (SERVICELOOP_ADMIN_USER) is empty");
    }
    if (StringUtils.hasText(password)) {
      checkPolicy(userId, password);
    }
    ensureAdministratorsGroup();

    User user = identityService.createUserQuery().userId(userId).singleResult();
    boolean created = false;
    boolean passwordChanged = false;
    String generated = null;
    if (user == null) {
      String initial = StringUtils.hasText(password) ? password : (generated = randomPassword());
      user = identityService.newUser(userId);
      user.setFirstName("ServiceLoop");
      user.setLastName("Administrator");
      user.setPassword(initial);
      identityService.saveUser(user);
      created = true;
    } else if (StringUtils.hasText(password) && !identityService.checkPassword(userId, password)) {
      // the failed check updated the user's login attempts: clear them and change the fresh row
      identityService.unlockUser(userId);
      user = identityService.createUserQuery().userId(userId).singleResult();
      user.setPassword(password);
      identityService.saveUser(user);
      passwordChanged = true;
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
    }

    String deleted = deletePreviousAdministrator(userId, additionalAdministrators);
    List<String> removed = new ArrayList<>();
    for (User member : identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()) {
      if (!member.getId().equals(userId) && !additionalAdministrators.contains(member.getId())) {
        identityService.deleteMembership(member.getId(), Groups.CAMUNDA_ADMIN);
        removed.add(member.getId());
        LOG.warn("User '{}' is no longer an administrator (not the configured administrator '{}' and not in "
            + "serviceloop.admin.additional-administrators)", member.getId(), userId);
      }
    }
    managementService.setProperty(PREVIOUS_ADMINISTRATOR_PROPERTY, userId);

    if (generated != null) {
      LOG.warn("""

          ******************************************************************************************
          No administrator password was configured, so ServiceLoop created the administrator
            user:     {}
            password: {}
          This password is shown only this once. Log in to /camunda and change it, or restart with
          SERVICELOOP_ADMIN_PASSWORD set (it then replaces this one).
          ******************************************************************************************""",
          userId, generated);
    } else if (created) {
      LOG.info("Created the administrator '{}' (password from SERVICELOOP_ADMIN_PASSWORD)", userId);
    } else if (passwordChanged) {
      LOG.info("The administrator '{}' has the new password from SERVICELOOP_ADMIN_PASSWORD; the old one no "
          + "longer works", userId);
    }
    return new Outcome(userId, created, passwordChanged, generated, deleted, removed);
  }

  private void checkPolicy(String userId, String password) {
    if (passwordPolicy == null) {
      return;
    }
    User candidate = identityService.newUser(userId);
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(passwordPolicy, password, candidate);
    if (!result.isValid()) {
      String rules = result.getViolatedRules().stream().map(AdministratorSetup::describe)
          .collect(Collectors.joining("; "));
      throw new IllegalStateException("ServiceLoop: SERVICELOOP_ADMIN_PASSWORD for '" + userId
          + "' does not satisfy the password policy: " + rules);
    }
  }

  static String describe(PasswordPolicyRule rule) {
    String placeholder = rule.getPlaceholder().replace("PASSWORD_POLICY_", "").toLowerCase().replace('_', ' ');
    return rule.getParameters() == null || rule.getParameters().isEmpty()
        ? placeholder : placeholder + " (" + rule.getParameters().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
  }

  private String deletePreviousAdministrator(String userId, Set<String> additionalAdministrators) {
    String previous = managementService.getProperties().get(PREVIOUS_ADMINISTRATOR_PROPERTY);
    if (previous == null || previous.equals(userId) || additionalAdministrators.contains(previous)
        || identityService.createUserQuery().userId(previous).count() == 0) {
      return null;
    }
    identityService.deleteUser(previous);
    LOG.warn("Deleted the previous administrator '{}': the configured administrator is now '{}'", previous, userId);
    return previous;
  }

  /** camunda-admin with ALL on every resource type (what Camunda's admin-user setup also creates). */
  private void ensureAdministratorsGroup() {
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("camunda BPM Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource).resourceId(Authorization.ANY)
          .hasPermission(Permissions.ALL).count() > 0;
      if (!granted) {
        Authorization all = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        all.setGroupId(Groups.CAMUNDA_ADMIN);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(all);
      }
    }
  }

  /** 20 characters from a 56-letter alphabet (≈ 116 bits), shaped to pass the engine's default policy. */
  static String randomPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        password.append('-');
      }
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    // one of each class the default policy asks for (upper, lower, digit; '-' is the special character)
    return "A" + password + "z7";
  }
}
