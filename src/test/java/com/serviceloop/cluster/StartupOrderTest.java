package com.serviceloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.common.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Issue 12 (P5): in the application the engine's build waits for the start-up lock and for the start of Flyway's
 * migration (which then runs beside it on PostgreSQL; on H2, whose schema changes may not overlap, in place), Spring Boot's Flyway initializer waits for the migration's end, and the
 * application starts with every migration applied.
 */
@ServiceLoopTest
class StartupOrderTest {

  @Autowired ConfigurableListableBeanFactory beanFactory;
  @Autowired FlywayMigrationStrategy strategy;
  @Autowired Flyway flyway;
  @Autowired RepositoryService repositoryService;
  @Autowired DataSource dataSource;

  private boolean onPostgreSql() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Databases.isPostgreSql(c);
    }
  }

  @Test
  void theMigrationStartsBeforeTheEngineBuildsAndIsCompleteAtStart() throws SQLException {
    assertThat(beanFactory.getBeanDefinition("processEngineFactoryBean").getDependsOn())
        .contains(StartupLockConfiguration.BEAN, StartupLockConfiguration.MIGRATION);
    assertThat(beanFactory.getBeanDefinition(StartupLockConfiguration.MIGRATION).getDependsOn())
        .contains(StartupLockConfiguration.BEAN);
    assertThat(strategy).isInstanceOf(ParallelMigration.class);
    assertThat(((ParallelMigration) strategy).runsBeside()).isEqualTo(onPostgreSql());
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied()).hasSizeGreaterThan(20);
    // the models were deployed after the migration, as before
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").count())
        .isPositive();
  }
}
