package com.serviceloop.cluster;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Makes the process engine (which creates Camunda's schema) and Flyway (the sl_* tables) wait for the
 * {@link StartupLock}, so two nodes starting together on an empty database do not both create it; then starts
 * Flyway's migration on a thread of its own before the engine builds ({@link ParallelMigration}).
 */
@Configuration
public class StartupLockConfiguration {

  static final String BEAN = "serviceLoopStartupLock";
  static final String MIGRATION = "serviceLoopParallelMigration";
  /**
   * The Camunda starter's engine beans (building them creates or checks the schema), then Spring Boot's Flyway run.
   */
  static final List<String> ENGINE_BEANS = List.of("processEngineFactoryBean", "processEngine", "flywayInitializer");

  @Bean(BEAN)
  StartupLock serviceLoopStartupLock(DataSource dataSource,
      @Value("${serviceloop.cluster.startup-lock-timeout:PT10M}") Duration timeout) throws Exception {
    return new StartupLock(dataSource, timeout);
  }

  /** Flyway's run, started once the lock is held; Spring Boot's flywayInitializer waits for its end. */
  @Bean(MIGRATION)
  @DependsOn(BEAN)
  @ConditionalOnProperty(name = "spring.flyway.enabled", matchIfMissing = true)
  ParallelMigration serviceLoopParallelMigration(Flyway flyway) {
    return new ParallelMigration(flyway);
  }

  @Bean
  static BeanFactoryPostProcessor startupLockFirst() {
    return beanFactory -> {
      Set<String> dependents = new LinkedHashSet<>(ENGINE_BEANS);
      dependents.addAll(List.of(beanFactory.getBeanNamesForType(FlywayMigrationInitializer.class, true, false)));
      for (String name : dependents) {
        if (beanFactory.containsBeanDefinition(name)) {
          addDependsOn(beanFactory, name, BEAN);
        }
      }
      // the migration starts before the engine's build, so both run at once
      if (beanFactory.containsBeanDefinition(MIGRATION)) {
        for (String name : ENGINE_BEANS.subList(0, 2)) {
          if (beanFactory.containsBeanDefinition(name)) {
            addDependsOn(beanFactory, name, MIGRATION);
          }
        }
      }
    };
  }

  private static void addDependsOn(ConfigurableListableBeanFactory beanFactory, String name, String bean) {
    BeanDefinition definition = beanFactory.getBeanDefinition(name);
    Set<String> dependsOn = new LinkedHashSet<>();
    if (definition.getDependsOn() != null) {
      dependsOn.addAll(List.of(definition.getDependsOn()));
    }
    dependsOn.add(bean);
    definition.setDependsOn(dependsOn.toArray(String[]::new));
  }
}
