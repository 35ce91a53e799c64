package com.serviceloop.submission;

import com.serviceloop.security.SecurityConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the {@link SubmissionGuardFilter} on the engine REST API and on the web apps' engine API,
 * AFTER authentication: "match after" places it behind every filter mapped before it, which are the HTTP
 * Basic filter of {@link SecurityConfiguration} and the web apps' own session authentication filter
 * (Camunda's initializer maps its filters "after" too, and runs before this registration, which has the
 * lowest precedence). SubmissionGuardWebappTest proves the order through a real Tasklist login.
 */
@Configuration
public class SubmissionGuardConfiguration {

  @Bean
  public FilterRegistrationBean<SubmissionGuardFilter> submissionGuardFilter(SubmissionGuard guard,
      IdentityService identityService,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<SubmissionGuardFilter> registration =
        new FilterRegistrationBean<>(new SubmissionGuardFilter(guard, identityService, webappPath));
    registration.setName("serviceloop-submission-guard");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setMatchAfter(true);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /** A delegate's InvalidInputException reaches an engine REST client as 400 with its fields, not 500. */
  @Bean
  public ResourceConfigCustomizer invalidInputOnEngineRest() {
    return config -> config.register(InvalidInputExceptionMapper.class);
  }
}
