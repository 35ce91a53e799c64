package com.serviceloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 (P4): after the application's start the job table has an index on its due date, which the job
 * executor's acquisition query needs (H2 here, PostgreSQL in the PostgreSQL suite), and a second creation
 * (a restart, or the next node) changes nothing.
 */
@ServiceLoopTest
class JobDueDateIndexTest {

  @Autowired
  DataSource dataSource;

  @Test
  void theJobTableIsIndexedByDueDate() throws Exception {
    assertThat(indexesOnJobDueDate()).containsExactly("sl_idx_job_duedate");
    JobDueDateIndex.create(dataSource, "");
    assertThat(indexesOnJobDueDate()).containsExactly("sl_idx_job_duedate");
  }

  private List<String> indexesOnJobDueDate() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String table = meta.storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB";
      try (ResultSet r = meta.getIndexInfo(null, null, table, false, false)) {
        while (r.next()) {
          if ("DUEDATE_".equalsIgnoreCase(r.getString("COLUMN_NAME")) && r.getShort("ORDINAL_POSITION") == 1) {
            names.add(r.getString("INDEX_NAME").toLowerCase());
          }
        }
      }
    }
    return names;
  }
}
