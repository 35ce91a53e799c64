package com.serviceloop.security;

import com.serviceloop.api.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every login: HTTP Basic on /engine-rest, /api, /kpi and the management port, and the web
 * apps' login form. A request from an address that {@link LoginThrottle} refuses gets 429 with Retry-After
 * before its credentials are looked at; a request that carried credentials and was answered 401 counts as a
 * failure of its address.
 */
@RequiredArgsConstructor
public class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = attemptedUser(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    long retryAfter = throttle.retryAfterSeconds(address);
    if (retryAfter > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      ApiErrorWriter.write(response, 429,
          "Too many failed logins from this address; try again in " + retryAfter + " s");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, user);
    }
  }

  /** The user a request tries to log in as: Basic credentials, or the web apps' login form; else null. */
  static String attemptedUser(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return "?";
      }
    }
    if ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/auth/user/")
        && request.getRequestURI().contains("/login/")) {
      return "(web-app login)";
    }
    return null;
  }
}
