package com.serviceloop.webapps;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The Camunda web apps as ServiceLoop's staff see them: docs/webapps.md. */
@Configuration
@EnableConfigurationProperties(WebappProperties.class)
public class WebappConfiguration {}
