package com.serviceloop.cluster;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the process engine (which creates Camunda's schema) and Flyway (the sl_* tables) wait for the
 * {@link StartupLock}, so two nodes starting together on an empty database do not both create it.
 */
@Configuration
public class StartupLockConfiguration {

  static final String BEAN = "serviceLoopStartupLock";
  /** The Camunda starter's engine bean (building it creates or checks the schema) and Spring Boot's Flyway run. */
  static final List<String> ENGINE_BEANS = List.of("processEngineFactoryBean", "processEngine", "flywayInitializer");

  @Bean(BEAN)
  StartupLock serviceLoopStartupLock(DataSource dataSource,
      @Value("${serviceloop.cluster.startup-lock-timeout:PT10M}") Duration timeout) throws Exception {
    return new StartupLock(dataSource, timeout);
  }

  @Bean
  static BeanFactoryPostProcessor startupLockFirst() {
    return beanFactory -> {
      Set<String> dependents = new LinkedHashSet<>(ENGINE_BEANS);
      dependents.addAll(List.of(beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)));
      for (String name : dependents) {
        if (beanFactory.containsBeanDefinition(name)) {
          addDependsOn(beanFactory, name);
        }
      }
    };
  }

  private static void addDependsOn(ConfigurableListableBeanFactory beanFactory, String name) {
    BeanDefinition definition = beanFactory.getBeanDefinition(name);
    Set<String> dependsOn = new LinkedHashSet<>();
    if (definition.getDependsOn() != null) {
      dependsOn.addAll(List.of(definition.getDependsOn()));
    }
    dependsOn.add(BEAN);
    definition.setDependsOn(dependsOn.toArray(String[]::new));
  }
}
