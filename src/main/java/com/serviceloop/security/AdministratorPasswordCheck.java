package com.serviceloop.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile the administrator's password must come from the environment:
 * start-up stops here, with a message that says what to set, rather than create an
 * administrator without a password.
 */
public class AdministratorPasswordCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
      return;
    }
    if (!StringUtils.hasText(environment.getProperty("serviceloop.admin.password"))) {
      throw new IllegalStateException(
          "ServiceLoop: the administrator's password is missing. Set SERVICELOOP_ADMIN_PASSWORD "
              + "(and SERVICELOOP_ADMIN_USER, default 'admin') before starting with the postgres profile.");
    }
  }
}
