package com.serviceloop.operations;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.security.ServiceLoopGroups;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SLA gauges of docs/operations.md, read from the work orders (sl_work_order, sl_breach) and the engine
 * (ManagementService, RuntimeService). One snapshot of a few aggregate queries serves every gauge and is
 * reused for {@code serviceloop.metrics.sla.refresh} (15 s), so a scrape costs at most one round of queries.
 *
 * <p>An open order's clock is its next unmet deadline: first contact, then completion, then closure.
 * BREACHED: that deadline has passed; WARNING: it falls within the warning horizon (2 h); ON_TIME: later;
 * NONE: no deadline set yet.
 */
@Component
public class SlaMetrics implements MeterBinder {

  public enum Clock { ON_TIME, WARNING, BREACHED, NONE }

  private static final Logger LOG = LoggerFactory.getLogger(SlaMetrics.class);

  /** The next unmet deadline of a work order (SQL both H2 and PostgreSQL run). */
  static final String NEXT_DEADLINE = """
      CASE WHEN first_contact_at IS NULL AND first_contact_due IS NOT NULL THEN first_contact_due
           WHEN completed_at IS NULL AND completion_due IS NOT NULL THEN completion_due
           ELSE closure_due END""";
  static final String OTHER_GROUP = "other";

  record Snapshot(Instant at, Map<String, Long> open, Map<String, Long> breachesLastHour,
      Map<String, Long> warningsLastHour, Map<String, Double> oldestOpenSeconds, long executableJobs,
      long failedJobs, long incidents) {}

  private final JdbcTemplate jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final Duration refresh;
  private final Duration warningHorizon;
  private volatile Snapshot snapshot;

  public SlaMetrics(JdbcTemplate jdbc, ProcessEngine engine,
      @Value("${serviceloop.metrics.sla.refresh:15s}") Duration refresh,
      @Value("${serviceloop.metrics.sla.warning-horizon:2h}") Duration warningHorizon) {
    this.jdbc = jdbc;
    this.managementService = engine.getManagementService();
    this.runtimeService = engine.getRuntimeService();
    this.refresh = refresh;
    this.warningHorizon = warningHorizon;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OrderType type : OrderType.values()) {
      for (Clock clock : Clock.values()) {
        String key = type.name() + "/" + clock.name();
        gauge(registry, "serviceloop.orders.open", "Open work orders by type and clock state",
            s -> s.open().getOrDefault(key, 0L), "type", type.name(), "clock", clock.name());
      }
      gauge(registry, "serviceloop.breaches.last.hour", "Deadlines missed in the last hour (sl_breach)",
          s -> s.breachesLastHour().getOrDefault(type.name(), 0L), "type", type.name());
      gauge(registry, "serviceloop.warnings.last.hour",
          "Open orders whose next deadline came within the warning horizon in the last hour",
          s -> s.warningsLastHour().getOrDefault(type.name(), 0L), "type", type.name());
    }
    List<String> groups = new ArrayList<>(ServiceLoopGroups.ALL.stream().map(g -> g.id()).toList());
    groups.add(OTHER_GROUP);
    for (String group : groups) {
      Gauge.builder("serviceloop.orders.oldest.open.age", this,
              m -> m.current().oldestOpenSeconds().getOrDefault(group, 0.0))
          .description("Age of the oldest open work order of the responsible group (0: none open)")
          .baseUnit("seconds").tag("group", group).register(registry);
    }
    gauge(registry, "serviceloop.jobs.executable", "Engine jobs due now with retries left (the backlog)",
        Snapshot::executableJobs);
    gauge(registry, "serviceloop.jobs.failed", "Engine jobs without retries left", Snapshot::failedJobs);
    gauge(registry, "serviceloop.incidents.open", "Open incidents", Snapshot::incidents);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
      String... tags) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).tags(tags)
        .register(registry);
  }

  /** The snapshot, re-read when older than the refresh interval (engine clock). */
  Snapshot current() {
    Snapshot last = snapshot;
    Instant now = WorkOrderRepository.now();
    if (last == null || refresh.isZero() || !last.at().plus(refresh).isAfter(now) || last.at().isAfter(now)) {
      synchronized (this) {
        last = snapshot;
        if (last == null || refresh.isZero() || !last.at().plus(refresh).isAfter(now) || last.at().isAfter(now)) {
          try {
            snapshot = last = read(now);
          } catch (RuntimeException e) {
            // a gauge that throws reads NaN without a trace: say why, once per refresh
            LOG.warn("SLA gauges: could not read the work orders or the engine ({}); the gauges keep their last "
                + "values", e.toString());
            if (last == null) {
              throw e;
            }
            snapshot = last = new Snapshot(now, last.open(), last.breachesLastHour(), last.warningsLastHour(),
                last.oldestOpenSeconds(), last.executableJobs(), last.failedJobs(), last.incidents());
          }
        }
      }
    }
    return last;
  }

  Snapshot read(Instant now) {
    OffsetDateTime nowTs = ts(now);
    Map<String, Long> open = new HashMap<>();
    // the clock state is computed inside, so the GROUP BY names plain columns (PostgreSQL does not match a
    // parameterised CASE in GROUP BY with the one in the select list)
    jdbc.query("""
        SELECT order_type, clock, COUNT(*) FROM (
          SELECT order_type, CASE WHEN due IS NULL THEN 'NONE' WHEN due < ? THEN 'BREACHED'
                                  WHEN due <= ? THEN 'WARNING' ELSE 'ON_TIME' END AS clock
          FROM (SELECT order_type, %s AS due FROM sl_work_order WHERE closed_at IS NULL) d) o
        GROUP BY order_type, clock""".formatted(NEXT_DEADLINE),
        rs -> { open.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)); },
        nowTs, ts(now.plus(warningHorizon)));

    Map<String, Long> breaches = new HashMap<>();
    jdbc.query("""
        SELECT w.order_type, COUNT(*) FROM sl_breach b JOIN sl_work_order w ON w.id = b.work_order_id
        WHERE b.detected_at > ? AND b.detected_at <= ? GROUP BY w.order_type""",
        rs -> { breaches.put(rs.getString(1), rs.getLong(2)); },
        ts(now.minus(Duration.ofHours(1))), nowTs);

    // crossed into the warning horizon within the last hour: deadline - horizon in (now - 1 h, now]
    Map<String, Long> warnings = new HashMap<>();
    jdbc.query("""
        SELECT order_type, COUNT(*) FROM (SELECT order_type, %s AS due FROM sl_work_order WHERE closed_at IS NULL) o
        WHERE due > ? AND due <= ? GROUP BY order_type""".formatted(NEXT_DEADLINE),
        rs -> { warnings.put(rs.getString(1), rs.getLong(2)); },
        ts(now.plus(warningHorizon).minus(Duration.ofHours(1))), ts(now.plus(warningHorizon)));

    Map<String, Double> oldest = new HashMap<>();
    List<String> known = ServiceLoopGroups.ALL.stream().map(g -> g.id()).toList();
    jdbc.query("SELECT responsible_group, MIN(received_at) FROM sl_work_order WHERE closed_at IS NULL "
            + "GROUP BY responsible_group",
        rs -> {
          String group = known.contains(rs.getString(1)) ? rs.getString(1) : OTHER_GROUP;
          Instant received = rs.getObject(2, OffsetDateTime.class).toInstant();
          double age = Math.max(0, Duration.between(received, now).toMillis() / 1000.0);
          oldest.merge(group, age, Math::max);
        });

    long executable = managementService.createJobQuery().executable().count();
    long failed = managementService.createJobQuery().noRetriesLeft().count();
    long incidents = runtimeService.createIncidentQuery().count();
    return new Snapshot(now, open, breaches, warnings, oldest, executable, failed, incidents);
  }
}
