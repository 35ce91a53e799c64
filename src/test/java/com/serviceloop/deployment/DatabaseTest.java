package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PostgreSQL suite really runs on PostgreSQL: the engine's and the project's tables are there. */
@ServiceLoopTest
@Tag("postgres")
class DatabaseTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void runsOnPostgresqlWithEngineAndProjectTables() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ge_property", Integer.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_schema_history WHERE success", Integer.class))
        .isPositive();
  }
}
