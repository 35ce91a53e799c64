package com.serviceloop.coverage;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource query platform (资源查询平台): is a building covered, has it a free port; an accepted
 * order reserves a port, its installation consumes it, a cancelled order releases it; demand the
 * network could not serve is kept for network planning. Every write
 * runs in the caller's transaction (a process step's, or the import's own).
 */
@Service
@RequiredArgsConstructor
public class CoverageService {

  public static final String RESERVED = "RESERVED";
  public static final String CONSUMED = "CONSUMED";
  public static final String RELEASED = "RELEASED";

  private final JdbcTemplate jdbc;

  /**
   * What the coverage data says now, reserving nothing: a port can be promised while the building has
   * more ports free than reserved (see {@link #reserve}).
   */
  public CoverageResult check(String region, String compound, String building) {
    Optional<Integer> available = availablePorts(region, compound, building);
    if (available.isEmpty()) {
      return CoverageResult.NOT_COVERED;
    }
    return available.get() > 0 ? CoverageResult.AVAILABLE : CoverageResult.NO_FREE_PORT;
  }

  /** The ports physically free on record (what the network department reports). */
  public Optional<Integer> freePorts(String region, String compound, String building) {
    return jdbc.queryForList("SELECT free_ports FROM sl_coverage WHERE region = ? AND compound = ? AND building = ?",
        Integer.class, region, compound, building).stream().findFirst();
  }

  /** The ports that can still be promised: free on record minus those reserved for accepted orders. */
  public Optional<Integer> availablePorts(String region, String compound, String building) {
    return jdbc.queryForList("""
        SELECT free_ports - reserved_ports FROM sl_coverage WHERE region = ? AND compound = ? AND building = ?""",
        Integer.class, region, compound, building).stream().findFirst().map(n -> Math.max(n, 0));
  }

  /**
   * The coverage check at acceptance: finds a free port AND reserves it for the order, in one conditional
   * UPDATE of the building's row (the database's row lock makes it atomic: of two orders racing for the
   * last port, on one node or two, exactly one gets it, the other NO_FREE_PORT). Idempotent per order:
   * an order that already holds a reservation keeps it. Runs in the caller's transaction, so a start that
   * fails reserves nothing. (updated_at stays: it says when the network department's data last changed.)
   */
  public CoverageResult reserve(String orderNo, String region, String compound, String building) {
    if (reservationStatus(orderNo).filter(RESERVED::equals).isPresent()) {
      return CoverageResult.AVAILABLE;
    }
    Instant now = WorkOrderRepository.now();
    int rows = jdbc.update("""
        UPDATE sl_coverage SET reserved_ports = reserved_ports + 1
        WHERE region = ? AND compound = ? AND building = ? AND free_ports > reserved_ports""",
        region, compound, building);
    if (rows != 1) {
      return freePorts(region, compound, building).isEmpty() ? CoverageResult.NOT_COVERED
          : CoverageResult.NO_FREE_PORT;
    }
    jdbc.update("""
        INSERT INTO sl_port_reservation (order_no, region, compound, building, status, reserved_at)
        VALUES (?, ?, ?, ?, 'RESERVED', ?)""", orderNo, region, compound, building, ts(now));
    jdbc.update("UPDATE sl_work_order SET port_reservation = 'RESERVED', port_reserved_at = ?, updated_at = ? "
        + "WHERE order_no = ?", ts(now), ts(now), orderNo);
    return CoverageResult.AVAILABLE;
  }

  /**
   * The installation took the reserved port: the building has one port less, and one reservation less.
   * Never refused: the port was promised at acceptance and the installer has connected it; coverage data
   * lowered meanwhile (an import) is not the installer's to correct (free_ports stays >= 0). An order
   * without a reservation (accepted before reservations existed and not carried over) takes a port if
   * one is on record.
   */
  public void consume(String orderNo) {
    Optional<Map<String, Object>> reservation = reservation(orderNo);
    Instant now = WorkOrderRepository.now();
    if (reservation.isPresent() && RESERVED.equals(reservation.get().get("STATUS"))) {
      Map<String, Object> r = reservation.get();
      jdbc.update("""
          UPDATE sl_coverage SET free_ports = CASE WHEN free_ports > 0 THEN free_ports - 1 ELSE 0 END,
            reserved_ports = CASE WHEN reserved_ports > 0 THEN reserved_ports - 1 ELSE 0 END, updated_at = ?
          WHERE region = ? AND compound = ? AND building = ?""",
          ts(now), r.get("REGION"), r.get("COMPOUND"), r.get("BUILDING"));
      end(orderNo, CONSUMED, now);
    } else if (reservation.isEmpty()) {
      Map<String, Object> order = jdbc.queryForMap(
          "SELECT region, address_compound, address_building FROM sl_work_order WHERE order_no = ?", orderNo);
      jdbc.update("""
          UPDATE sl_coverage SET free_ports = free_ports - 1, updated_at = ?
          WHERE region = ? AND compound = ? AND building = ? AND free_ports > 0""",
          ts(now), order.get("REGION"), order.get("ADDRESS_COMPOUND"), order.get("ADDRESS_BUILDING"));
      jdbc.update("UPDATE sl_work_order SET port_reservation = ?, updated_at = ? WHERE order_no = ?",
          CONSUMED, ts(now), orderNo);
    }
    // already CONSUMED (a repeated step) or RELEASED: nothing more to take
  }

  /**
   * The order was cancelled or ended without installation: its reserved port is free to promise again.
   * Does nothing for an order that holds no reservation (never had one, or it was consumed or released).
   *
   * @return whether a reservation was released
   */
  public boolean release(String orderNo) {
    Optional<Map<String, Object>> reservation = reservation(orderNo);
    if (reservation.isEmpty() || !RESERVED.equals(reservation.get().get("STATUS"))) {
      return false;
    }
    Instant now = WorkOrderRepository.now();
    // conditional on the status, so a release racing with another release or the installation counts once
    int rows = jdbc.update("UPDATE sl_port_reservation SET status = ?, ended_at = ? WHERE order_no = ? AND status = ?",
        RELEASED, ts(now), orderNo, RESERVED);
    if (rows != 1) {
      return false;
    }
    Map<String, Object> r = reservation.get();
    jdbc.update("""
        UPDATE sl_coverage SET reserved_ports = CASE WHEN reserved_ports > 0 THEN reserved_ports - 1 ELSE 0 END
        WHERE region = ? AND compound = ? AND building = ?""",
        r.get("REGION"), r.get("COMPOUND"), r.get("BUILDING"));
    jdbc.update("UPDATE sl_work_order SET port_reservation = ?, updated_at = ? WHERE order_no = ?",
        RELEASED, ts(now), orderNo);
    return true;
  }

  /** RESERVED, CONSUMED or RELEASED; empty when the order never held a reservation. */
  public Optional<String> reservationStatus(String orderNo) {
    return reservation(orderNo).map(r -> (String) r.get("STATUS"));
  }

  private Optional<Map<String, Object>> reservation(String orderNo) {
    return jdbc.queryForList("SELECT * FROM sl_port_reservation WHERE order_no = ?", orderNo).stream().findFirst();
  }

  private void end(String orderNo, String status, Instant now) {
    jdbc.update("UPDATE sl_port_reservation SET status = ?, ended_at = ? WHERE order_no = ?", status, ts(now), orderNo);
    jdbc.update("UPDATE sl_work_order SET port_reservation = ?, updated_at = ? WHERE order_no = ?",
        status, ts(now), orderNo);
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
}
