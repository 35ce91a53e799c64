package com.serviceloop.operations;

import com.serviceloop.security.LoginThrottle;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The management endpoints' own filter, see {@link ManagementAuthenticationFilter}. On its own port the
 * management server is a child context where the main application's filters do not run. Listed in
 * META-INF/spring/...ManagementContextConfiguration.imports and deliberately not annotated (no
 * {@code @ManagementContextConfiguration}, which is a {@code @Configuration}): component scanning would
 * otherwise also put it into the main context. Unannotated, it applies to any management context type,
 * so the endpoints stay protected on the main port too (management.server.port = server.port).
 */
public class ManagementSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ManagementAuthenticationFilter> managementAuthenticationFilter(ProcessEngine engine,
      LoginThrottle throttle, WebEndpointProperties endpoints,
      @Value("${serviceloop.management.groups:operations,camunda-admin}") String groups) {
    FilterRegistrationBean<ManagementAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ManagementAuthenticationFilter(engine.getIdentityService(), throttle, endpoints.getBasePath(),
            Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList()));
    registration.setName("serviceloop-management-authentication");
    String basePath = endpoints.getBasePath();
    registration.addUrlPatterns((basePath.endsWith("/") ? basePath : basePath + "/") + "*");
    if (!basePath.isEmpty() && !"/".equals(basePath)) {
      registration.addUrlPatterns(basePath);
    }
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
