package com.serviceloop.submission;

import com.serviceloop.security.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link SubmissionGuardFilter} on the engine REST API and on the web apps' engine API,
 * AFTER authentication. Servlet filters run in the order they were mapped. Spring Boot applies all
 * FilterRegistrationBeans (the HTTP Basic filter of {@link SecurityConfiguration}, mapped "before") ahead of
 * plain ServletContextInitializers such as Camunda's web-app initializer, which maps the web apps' session
 * authentication filter "after". So the guard is a plain ServletContextInitializer too, mapped "after", in an
 * auto-configuration ordered after Camunda's web-app auto-configuration: same (lowest) precedence, later bean,
 * mapped last — behind both authentication filters. Listed in
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports, therefore excluded from
 * component scanning. SubmissionGuardWebappTest proves the order through a real Tasklist login.
 */
@AutoConfiguration(after = CamundaBpmWebappAutoConfiguration.class)
@ConditionalOnBean(SubmissionGuard.class) // only in ServiceLoop itself, not in the benchmark's bare application
public class SubmissionGuardConfiguration {

  @Bean
  public ServletContextInitializer submissionGuardFilter(SubmissionGuard guard,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    return servletContext -> {
      FilterRegistration.Dynamic registration = servletContext.addFilter("serviceloop-submission-guard",
          new SubmissionGuardFilter(guard, webappPath));
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true,
          "/engine-rest/*", webappPath + "/api/engine/*");
    };
  }

  /** A delegate's InvalidInputException reaches an engine REST client as 400 with its fields, not 500. */
  @Bean
  public ResourceConfigCustomizer invalidInputOnEngineRest() {
    return config -> config.register(InvalidInputExceptionMapper.class);
  }
}
