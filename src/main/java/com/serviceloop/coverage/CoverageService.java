package com.serviceloop.coverage;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource query platform (资源查询平台): is a building covered, has it a free port; an installed
 * order takes a port; demand the network could not serve is kept for network planning. Every write
 * runs in the caller's transaction (a process step's, or the import's own).
 */
@Service
public class CoverageService {

  private final JdbcTemplate jdbc;

  public CoverageService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CoverageResult check(String region, String compound, String building) {
    Optional<Integer> freePorts = freePorts(region, compound, building);
    if (freePorts.isEmpty()) {
      return CoverageResult.NOT_COVERED;
    }
    return freePorts.get() > 0 ? CoverageResult.AVAILABLE : CoverageResult.NO_FREE_PORT;
  }

  public Optional<Integer> freePorts(String region, String compound, String building) {
    return jdbc.queryForList("SELECT free_ports FROM sl_coverage WHERE region = ? AND compound = ? AND building = ?",
        Integer.class, region, compound, building).stream().findFirst();
  }

  /**
   * The installation took a port. A building without coverage or without a free port on record is a
   * contradiction between the field and the coverage data: refused, so the step is not recorded and
   * the network department corrects the data first.
   */
  public void takePort(String region, String compound, String building) {
    int rows = jdbc.update("""
        UPDATE sl_coverage SET free_ports = free_ports - 1, updated_at = ?
        WHERE region = ? AND compound = ? AND building = ? AND free_ports > 0""",
        ts(WorkOrderRepository.now()), region, compound, building);
    if (rows != 1) {
      throw new IllegalStateException("No free port on record for " + region + " / " + compound + " / " + building
          + ": update the coverage data (POST /api/coverage) before recording the installation");
    }
  }

  /** Demand the network could not serve (NOT_COVERED or NO_FREE_PORT), for network planning. */
  public void recordDemand(String orderNo, CoverageResult result, String region, String compound, String building,
      String room, String customerPhone) {
    if (result == CoverageResult.AVAILABLE) {
      throw new IllegalArgumentException("Only unmet demand is recorded, not " + result);
    }
    jdbc.update("""
        INSERT INTO sl_coverage_demand (order_no, result, region, compound, building, room, customer_phone, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        orderNo, result.name(), region, compound, building, room, customerPhone, ts(WorkOrderRepository.now()));
  }

  /**
   * Imports the network department's CSV as an upsert: each building in the file is inserted or its
   * values replaced; buildings not in the file stay as they are. All or nothing: any bad row rejects the
   * whole file (see {@link CoverageCsv}).
   *
   * @return how many buildings were inserted and updated
   */
  @Transactional
  public ImportResult importCsv(String csv) {
    List<CoverageRow> rows = CoverageCsv.parse(csv);
    OffsetDateTime now = ts(WorkOrderRepository.now());
    int inserted = 0;
    int updated = 0;
    for (CoverageRow row : rows) {
      int changed = jdbc.update("""
          UPDATE sl_coverage SET free_ports = ?, households = COALESCE(?, households),
            technology = COALESCE(?, technology), compound_key = ?, updated_at = ?
          WHERE region = ? AND compound = ? AND building = ?""",
          row.freePorts(), row.households(), row.technology(), CoverageNames.key(row.compound()), now,
          row.region(), row.compound(), row.building());
      if (changed == 0) {
        jdbc.update("""
            INSERT INTO sl_coverage (region, compound, building, free_ports, households, technology, compound_key,
              updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            row.region(), row.compound(), row.building(), row.freePorts(), row.households(), row.technology(),
            CoverageNames.key(row.compound()), now);
        inserted++;
      } else {
        updated++;
      }
    }
    return new ImportResult(inserted, updated);
  }

  public record ImportResult(int inserted, int updated) {}

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
