package com.serviceloop.security;

import com.serviceloop.api.ApiErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser-facing protection of /api, /kpi and /engine-rest (docs/security.md):
 * <ul>
 *   <li>security headers on every answer of /api and /kpi (they carry customers' names and phones):
 *       CSP, nosniff, frame-options, referrer-policy; {@code no-store} on /api answers;</li>
 *   <li>no write accepts a body a cross-site HTML form can send (text/plain, form-urlencoded, multipart):
 *       on /api and /kpi such a request is refused with 415 before authentication; on /engine-rest, where
 *       Modeler deploys with multipart, only when the browser marks it cross-site (Origin of another site,
 *       or Sec-Fetch-Site: cross-site) — 403. Every other body type needs a CORS preflight, which this
 *       server never answers positively (no CORS configuration), so a stored Basic credential cannot be
 *       used from another site.</li>
 * </ul>
 */
@Configuration
public class WebProtectionConfiguration {

  /** Content types a cross-site form (or a no-cors fetch) may send without a preflight. */
  static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data");
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
    return RequestFilters.register("serviceloop-security-headers", Ordered.HIGHEST_PRECEDENCE + 40,
        (request, response, chain) -> {
          response.setHeader("Content-Security-Policy", CSP);
          response.setHeader("X-Content-Type-Options", "nosniff");
          response.setHeader("X-Frame-Options", "DENY");
          response.setHeader("Referrer-Policy", "no-referrer");
          if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Cache-Control", "no-store");
          }
          chain.doFilter(request, response);
        }, "/api/*", "/kpi/*", "/kpi");
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> crossSiteBodyGuard() {
    return RequestFilters.register("serviceloop-cross-site-body-guard", Ordered.HIGHEST_PRECEDENCE + 45,
        (request, response, chain) -> {
          String type = mediaType(request.getContentType());
          if (isWrite(request.getMethod()) && type != null && FORM_TYPES.contains(type)) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/engine-rest/")) {
              ApiErrorWriter.write(response, 415, "Unsupported content type " + type
                  + " for a write: send application/json (text/csv for /api/coverage)");
              return;
            }
            if (crossSite(request)) {
              ApiErrorWriter.write(response, 403, "Refused: a cross-site " + type + " request");
              return;
            }
          }
          chain.doFilter(request, response);
        }, SecurityConfiguration.PROTECTED_PATHS);
  }

  static boolean isWrite(String method) {
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method));
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** What a browser says about where a request comes from; tools (Modeler, curl) say nothing. */
  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    String own = request.getScheme() + "://" + request.getServerName()
        + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
    return !origin.equalsIgnoreCase(own);
  }
}
