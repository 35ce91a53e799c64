package com.serviceloop.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The KPI dashboard is a static page (static/kpi/index.html, ECharts from its WebJar) behind the same
 * HTTP Basic login as the API (SecurityConfiguration protects /kpi/*); /kpi and /kpi/ open it.
 */
@Configuration
public class KpiDashboardConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/kpi", "/kpi/");
    registry.addViewController("/kpi/").setViewName("forward:/kpi/index.html");
  }
}
