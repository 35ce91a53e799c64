package com.serviceloop.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No open API: the engine REST API and the project's own API both require HTTP Basic
 * authentication against the engine's identity service. The filter also sets the engine's
 * authentication for the request, so Camunda's authorizations apply to every call.
 * (Cockpit, Tasklist and Admin have their own session login.)
 */
@Configuration
public class SecurityConfiguration {

  public static final String[] PROTECTED_PATHS = {"/engine-rest/*", "/api/*", "/kpi/*"};

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("serviceloop-basic-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PROTECTED_PATHS);
    return registration;
  }
}
