package com.serviceloop.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 12 (P4): an index on Camunda's {@code ACT_RU_JOB(DUEDATE_)}, which Camunda's own schema does not have.
 * Without it the job executor's acquisition query ({@code DUEDATE_ IS NULL OR DUEDATE_ <= now}, every few
 * seconds on every node) reads the whole job table: with 100,000 open orders and their timers that is a full
 * scan of some 100,000 rows per poll.
 *
 * <p>The index is created by the engine's start, right after the engine has created or checked its schema
 * ({@link ProcessEnginePlugin#postProcessEngineBuild}): the table always exists then, on H2 and PostgreSQL, and
 * on PostgreSQL this runs inside the {@link StartupLock} that the engine's build already waits for, so two nodes
 * starting together on an empty database create it once. Flyway (the sl_* tables) is not involved: its order
 * relative to the engine stays as it is. {@code IF NOT EXISTS}: a later start does nothing.
 */
@Configuration
public class JobDueDateIndex {

  static final String INDEX = "SL_IDX_JOB_DUEDATE";
  static final String DDL = "CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_JOB (DUEDATE_)";

  private static final Logger LOG = LoggerFactory.getLogger(JobDueDateIndex.class);

  @Bean
  static ProcessEnginePlugin jobDueDateIndexPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        create(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
      }
    };
  }

  static void create(DataSource dataSource, String tablePrefix) {
    String ddl = DDL.replace("ON ACT_RU_JOB", "ON " + (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_JOB");
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      boolean autoCommit = c.getAutoCommit();
      s.execute(ddl);
      if (!autoCommit) {
        c.commit();
      }
      LOG.info("Job acquisition index in place: {}", ddl);
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the job acquisition index (" + ddl + "): " + e, e);
    }
  }
}
