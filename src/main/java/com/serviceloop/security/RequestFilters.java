package com.serviceloop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/** A servlet filter, run once per request, registered under a name and an order for some URL patterns. */
final class RequestFilters {

  private RequestFilters() {}

  /** What the filter does with a request (it passes it on with {@code chain.doFilter}, or answers itself). */
  @FunctionalInterface
  interface Body {
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException;
  }

  static FilterRegistrationBean<OncePerRequestFilter> register(String name, int order, Body body,
      String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        body.filter(request, response, chain);
      }

      /** Its own name also where no container initialises it (the once-per-request marker is named after it). */
      @Override
      protected String getFilterName() {
        return name;
      }
    });
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(order);
    return registration;
  }
}
