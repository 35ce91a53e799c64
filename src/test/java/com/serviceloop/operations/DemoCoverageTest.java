package com.serviceloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * issue 10: the Hangzhou demo coverage was a Flyway migration (V3_1) and reached every production database.
 * V10_1 takes the rows out where they are untouched; DemoCoverage (demo profile, tests) puts them back.
 */
@ServiceLoopTest
class DemoCoverageTest {

  static final String WENYUAN_1 = "region = 'Hangzhou-Xihu' AND compound = 'Wenyuan Garden' AND building = '1'";

  @Autowired JdbcTemplate jdbc;
  @Autowired DemoCoverage demoCoverage;

  @AfterEach
  void restore() {
    jdbc.update("DELETE FROM sl_coverage WHERE region LIKE 'Hangzhou-%' AND compound IN ('Wenyuan Garden', "
        + "'Cuiyuan Estate', 'Daguan Garden', 'Jiangnan Lakeside', 'Chengxiang Court')");
    demoCoverage.afterPropertiesSet();
  }

  long demoRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_coverage WHERE region LIKE 'Hangzhou-%' AND compound IN "
        + "('Wenyuan Garden', 'Cuiyuan Estate', 'Daguan Garden', 'Jiangnan Lakeside', 'Chengxiang Court')", Long.class);
  }

  @Test
  void theMigrationRemovesUntouchedDemoRowsAndKeepsRowsAnImportChanged() throws Exception {
    assertThat(demoRows()).isEqualTo(6); // the test profile loads the demo coverage
    // the network department's CSV updated one of them: real data now
    jdbc.update("UPDATE sl_coverage SET free_ports = 23, updated_at = CURRENT_TIMESTAMP WHERE " + WENYUAN_1);

    String migration = new ClassPathResource("db/migration/V10_1__demo_coverage_out_of_migrations.sql")
        .getContentAsString(StandardCharsets.UTF_8);
    int start = migration.indexOf("DELETE FROM sl_coverage");
    String delete = migration.substring(start, migration.indexOf(';', start));
    assertThat(jdbc.update(delete)).isEqualTo(5);

    assertThat(demoRows()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT free_ports FROM sl_coverage WHERE " + WENYUAN_1, Integer.class))
        .isEqualTo(23);
  }

  @Test
  void theDemoLoaderAddsMissingBuildingsAndLeavesExistingOnesAlone() {
    jdbc.update("UPDATE sl_coverage SET free_ports = 3 WHERE " + WENYUAN_1);
    jdbc.update("DELETE FROM sl_coverage WHERE region = 'Hangzhou-Xiaoshan' AND compound = 'Chengxiang Court'");
    demoCoverage.afterPropertiesSet();
    assertThat(demoRows()).isEqualTo(6);
    assertThat(jdbc.queryForObject("SELECT free_ports FROM sl_coverage WHERE " + WENYUAN_1, Integer.class))
        .isEqualTo(3);
  }
}
