package com.serviceloop.operations;

import com.serviceloop.api.ApiErrorWriter;
import com.serviceloop.security.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management port: HTTP Basic against the engine's users; only members of the operations groups
 * ({@code serviceloop.management.groups}: operations, camunda-admin) read health details and metrics.
 * Open without credentials: the liveness and readiness probes (UP/DOWN and nothing else) for the load
 * balancer and the orchestrator. Failed logins count in the same {@link LoginThrottle} as everywhere else.
 */
@RequiredArgsConstructor
public class ManagementAuthenticationFilter extends OncePerRequestFilter {

  static final Set<String> OPEN = Set.of("/health/liveness", "/health/readiness");

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final String basePath;
  private final List<String> groups;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("GET".equals(request.getMethod()) && path.startsWith(basePath)
        && OPEN.contains(path.substring(basePath.length()))) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      refuse(response, 401, "Authentication required");
      return;
    }
    String address = request.getRemoteAddr();
    long retryAfter = throttle.retryAfterSeconds(address);
    if (retryAfter > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      refuse(response, 429, "Too many failed logins from this address; try again in " + retryAfter + " s");
      return;
    }
    String user;
    String password;
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
      password = colon < 0 ? "" : decoded.substring(colon + 1);
    } catch (IllegalArgumentException e) {
      refuse(response, 401, "Authentication required");
      return;
    }
    if (!identityService.checkPassword(user, password)) {
      throttle.failed(address, user);
      refuse(response, 401, "Authentication required");
      return;
    }
    List<String> memberOf = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    if (groups.stream().noneMatch(memberOf::contains)) {
      refuse(response, 403, "User '" + user + "' may not read health details and metrics (only members of "
          + String.join(", ", groups) + ")");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    if (status == 401) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"serviceloop-management\"");
    }
    ApiErrorWriter.write(response, status, message);
  }
}
