package com.serviceloop.operations;

import com.serviceloop.coverage.CoverageCsv;
import com.serviceloop.coverage.CoverageRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Hangzhou demo coverage (demo/coverage.csv, the network department's CSV format), only where
 * {@code serviceloop.demo-coverage=true}: the demo profile and the tests. A building already on record is left
 * as it is, so a restart does not undo what an import or an installation changed.
 */
@Component
@ConditionalOnProperty(name = "serviceloop.demo-coverage", havingValue = "true")
@RequiredArgsConstructor
public class DemoCoverage implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCoverage.class);
  /** the demo data's date, as the V3_1 rows had it */
  static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-11-16T09:00:00+08:00");

  private final JdbcTemplate jdbc;

  @Override
  public void afterPropertiesSet() {
    String csv;
    try {
      csv = new ClassPathResource("demo/coverage.csv").getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int inserted = 0;
    for (CoverageRow row : CoverageCsv.parse(csv)) {
      inserted += jdbc.update("""
          INSERT INTO sl_coverage (region, compound, building, free_ports, households, technology, updated_at,
            compound_key)
          SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) one
          WHERE NOT EXISTS (SELECT 1 FROM sl_coverage WHERE region = ? AND compound = ? AND building = ?)""",
          row.region(), row.compound(), row.building(), row.freePorts(), row.households(), row.technology(), AS_OF,
          com.serviceloop.coverage.CoverageNames.key(row.compound()), row.region(), row.compound(), row.building());
    }
    if (inserted > 0) {
      LOG.info("Demo coverage: {} buildings added (demo/coverage.csv)", inserted);
    }
  }
}
