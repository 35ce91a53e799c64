package com.serviceloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;

/**
 * issue 10: the default start ran the demo profile (demo/demo and 17 staff with password demo) on every
 * interface. What each start gets, read from the application's own configuration files the way Spring Boot
 * reads them at start-up (no second application context).
 */
class SafeDefaultsTest {

  static StandardEnvironment environment(String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.setActiveProfiles(profiles);
    ConfigDataEnvironmentPostProcessor.applyTo(environment);
    return environment;
  }

  @Test
  void aDefaultStartHasNoDemoUsersNoKnownPasswordAndThePasswordPolicy() {
    StandardEnvironment defaults = new StandardEnvironment();
    ConfigDataEnvironmentPostProcessor.applyTo(defaults);
    assertThat(defaults.getActiveProfiles()).isEmpty();
    assertThat(defaults.getDefaultProfiles()).containsExactly("default");
    assertThat(defaults.getProperty("serviceloop.demo-users", Boolean.class, false)).isFalse();
    assertThat(defaults.getProperty("serviceloop.demo-coverage", Boolean.class, false)).isFalse();
    assertThat(defaults.getProperty("serviceloop.admin.user")).isEqualTo("admin");
    assertThat(defaults.getProperty("serviceloop.admin.password")).isEmpty(); // → a random one, printed once
    assertThat(defaults.getProperty("camunda.bpm.admin-user.id")).isNull();
    assertThat(defaults.getProperty("camunda.bpm.generic-properties.properties.enable-password-policy"))
        .isEqualTo("true");
    assertThat(defaults.getProperty("management.server.port")).isEqualTo("8081");
    assertThat(defaults.getProperty("management.endpoint.health.group.readiness.include"))
        .isEqualTo("readinessState,db,jobExecutor");
    assertThat(defaults.getProperty("camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle"))
        .isEqualTo("R5/PT1M");
  }

  @Test
  void theDemoProfileChosenExplicitlyListensOnLocalhostOnly() {
    StandardEnvironment demo = environment("demo");
    assertThat(demo.getProperty("serviceloop.demo-users", Boolean.class)).isTrue();
    assertThat(demo.getProperty("serviceloop.demo-coverage", Boolean.class)).isTrue();
    assertThat(demo.getProperty("server.address")).isEqualTo("127.0.0.1");
    assertThat(demo.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    assertThat(demo.getProperty("serviceloop.admin.user")).isEqualTo("demo");
  }

  @Test
  void postgresHasNoDemoUsersAndTheAdministratorFromTheEnvironment() {
    StandardEnvironment postgres = environment("postgres");
    assertThat(postgres.getProperty("serviceloop.demo-users", Boolean.class)).isFalse();
    assertThat(postgres.getProperty("server.address")).isNull();
    assertThat(postgres.getProperty("serviceloop.admin.user")).isEqualTo("admin");
  }

  @Test
  void jsonLogsAreAProfileAway() {
    assertThat(environment().getProperty("logging.structured.format.console")).isNull();
    assertThat(environment("postgres", "json-logs").getProperty("logging.structured.format.console"))
        .isEqualTo("ecs");
  }
}
