package com.serviceloop.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The login throttle (docs/security.md) on every path that checks a password. */
@Configuration
public class LoginThrottleConfiguration {

  /** The web apps' login form posts to /camunda/api/admin/auth/user/{engine}/login/{app}. */
  public static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/*";

  @Bean
  public LoginThrottle loginThrottle(@Value("${serviceloop.security.login-throttle.max-failures:10}") int maxFailures,
      @Value("${serviceloop.security.login-throttle.window:5m}") Duration window,
      ObjectProvider<MeterRegistry> registry) {
    LoginThrottle throttle = new LoginThrottle(maxFailures, window, Ticker.systemTicker());
    registry.ifAvailable(throttle::bindTo);
    return throttle;
  }

  @Bean
  public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("serviceloop-login-throttle");
    registration.addUrlPatterns(SecurityConfiguration.PROTECTED_PATHS);
    registration.addUrlPatterns(WEBAPP_LOGIN);
    // before the authentication filter (which has the default, lowest precedence)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
