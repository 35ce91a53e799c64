package com.serviceloop.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 503 with {@code Retry-After} when the database is unreachable before a controller runs — the
 * authentication filter checks the password in the engine's identity tables, so during an outage the
 * failure comes from there. /api and /kpi answer in the {@link ApiError} shape; /engine-rest in the
 * engine REST API's own shape ({@code type}, {@code message}). Controllers' own failures are answered by
 * {@link ApiExceptionHandler} and, on /engine-rest, by {@code EngineRestDatabaseUnavailableMapper}.
 */
@RequiredArgsConstructor
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ObjectMapper json;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unreachable; answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.toString());
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), body(request));
    }
  }

  private static Object body(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")) {
      Map<String, Object> engineShape = new LinkedHashMap<>();
      engineShape.put("type", "DatabaseUnavailable");
      engineShape.put("message", DatabaseUnavailable.MESSAGE);
      return engineShape;
    }
    return ApiError.of(DatabaseUnavailable.MESSAGE);
  }

  @Configuration
  static class Registration {

    /** Before the authentication filter (which needs the database), after the character encoding. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper json) {
      FilterRegistrationBean<DatabaseUnavailableFilter> registration =
          new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
      registration.setName("serviceloop-database-unavailable");
      registration.addUrlPatterns("/engine-rest/*", "/api/*", "/kpi/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
      return registration;
    }
  }
}
