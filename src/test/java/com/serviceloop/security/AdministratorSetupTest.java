package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ServiceLoopTest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * issue 10: a new SERVICELOOP_ADMIN_PASSWORD was refused and the old one kept working; a new
 * SERVICELOOP_ADMIN_USER left the old administrator in camunda-admin; a one-character password was accepted.
 * Each start is {@link AdministratorSetup#apply} with that start's configuration; the logins go over HTTP
 * (from 127.0.0.5, so the wrong-password checks do not count against the other tests' address).
 */
@ServiceLoopTest
@ExtendWith(OutputCaptureExtension.class)
class AdministratorSetupTest {

  static final String FROM = "127.0.0.5";
  /** an administrator-only call: reading another user's profile needs READ on USER */
  static final String ADMIN_CALL = "/engine-rest/user/hotline1/profile";
  /** the demo administrator the other tests use stays an administrator */
  static final Set<String> KEEP = Set.of("demo");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired LoginThrottle throttle;

  AdministratorSetup startWithPolicy() {
    return new AdministratorSetup(identityService, engine.getAuthorizationService(), engine.getManagementService(),
        new DefaultPasswordPolicyImpl());
  }

  @AfterEach
  void cleanUp() {
    for (String user : List.of("rotadmin", "rotadmin2", "staleadmin", "genadmin", "weakadmin")) {
      if (identityService.createUserQuery().userId(user).count() > 0) {
        identityService.deleteUser(user);
      }
    }
    engine.getManagementService().setProperty(AdministratorSetup.PREVIOUS_ADMINISTRATOR_PROPERTY, "demo");
    throttle.reset(FROM);
  }

  int status(String user, String password) {
    return LoopbackHttp.get(FROM, port, ADMIN_CALL, user, password).status();
  }

  @Test
  void aRotatedPasswordWorksAtTheNextStartAndTheOldOneNoLonger() {
    assertThat(startWithPolicy().apply("rotadmin", "First-Passw0rd!", KEEP).created()).isTrue();
    assertThat(status("rotadmin", "First-Passw0rd!")).isEqualTo(200);

    AdministratorSetup.Outcome restart = startWithPolicy().apply("rotadmin", "Second-Passw0rd!", KEEP);
    assertThat(restart.passwordChanged()).isTrue();
    assertThat(status("rotadmin", "Second-Passw0rd!")).isEqualTo(200);
    assertThat(status("rotadmin", "First-Passw0rd!")).isEqualTo(401);

    // the same configuration again changes nothing
    AdministratorSetup.Outcome again = startWithPolicy().apply("rotadmin", "Second-Passw0rd!", KEEP);
    assertThat(again.created()).isFalse();
    assertThat(again.passwordChanged()).isFalse();
    assertThat(status("rotadmin", "Second-Passw0rd!")).isEqualTo(200);
  }

  @Test
  void aNewAdministratorUserRemovesTheOldOneAndAnyOtherAdministrator() {
    startWithPolicy().apply("rotadmin", "First-Passw0rd!", KEEP);
    // somebody made themselves an administrator on the side
    org.camunda.bpm.engine.identity.User stale = identityService.newUser("staleadmin");
    stale.setPassword("Stale-Passw0rd!");
    identityService.saveUser(stale);
    identityService.createMembership("staleadmin", Groups.CAMUNDA_ADMIN);
    assertThat(status("staleadmin", "Stale-Passw0rd!")).isEqualTo(200);

    AdministratorSetup.Outcome renamed = startWithPolicy().apply("rotadmin2", "Second-Passw0rd!", KEEP);

    assertThat(renamed.deletedPreviousAdministrator()).isEqualTo("rotadmin");
    assertThat(renamed.removedFromAdministrators()).containsExactly("staleadmin");
    assertThat(status("rotadmin2", "Second-Passw0rd!")).isEqualTo(200);
    assertThat(status("rotadmin", "First-Passw0rd!")).isEqualTo(401);
    // no longer an administrator: other users' profiles are not visible to it (404) or refused (403)
    assertThat(status("staleadmin", "Stale-Passw0rd!")).isIn(403, 404);
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactlyInAnyOrder("rotadmin2", "demo");
  }

  @Test
  void aWeakAdministratorPasswordStopsTheStart() {
    for (String weak : List.of("x", "demo", "password12", "weakadmin-Passw0rd!")) {
      assertThatThrownBy(() -> startWithPolicy().apply("weakadmin", weak, KEEP))
          .as(weak).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SERVICELOOP_ADMIN_PASSWORD").hasMessageContaining("password policy");
    }
    assertThat(identityService.createUserQuery().userId("weakadmin").count()).isZero();
    assertThatThrownBy(() -> startWithPolicy().apply("weakadmin", "x", KEEP))
        .hasMessageContaining("minLength=10");
  }

  @Test
  void withoutAPasswordAFreshDatabaseGetsARandomOnePrintedOnce(CapturedOutput output) {
    AdministratorSetup.Outcome first = startWithPolicy().apply("genadmin", "", KEEP);
    String generated = first.generatedPassword();
    assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
    assertThat(identityService.checkPasswordAgainstPolicy(new DefaultPasswordPolicyImpl(), generated).isValid())
        .isTrue();
    assertThat(output.getOut()).contains("password: " + generated);
    assertThat(status("genadmin", generated)).isEqualTo(200);

    int logLength = output.getOut().length();
    AdministratorSetup.Outcome second = startWithPolicy().apply("genadmin", "", KEEP);
    assertThat(second.generatedPassword()).isNull();
    assertThat(output.getOut().substring(logLength)).doesNotContain(generated).doesNotContain("password: ");
    assertThat(status("genadmin", generated)).isEqualTo(200);
    assertThat(AdministratorSetup.randomPassword()).isNotEqualTo(AdministratorSetup.randomPassword());
  }
}
