package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ServiceLoopTest
class ApplicationStartsTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void engineRunsWithAuthorizationAndTheProjectTablesExist() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    // The table exists (the count is whatever other tests in this JVM have written: the database is shared).
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order", Integer.class)).isNotNegative();
  }
}
