package com.serviceloop.workorder;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.common.EngineClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The work orders in the project's own table. Every write runs in the caller's transaction: called
 * from a delegate it commits or rolls back with the engine's own changes.
 * Milestone writes are idempotent where a retried job could repeat them (first write wins).
 */
@Repository
@RequiredArgsConstructor
public class WorkOrderRepository {

  private final JdbcTemplate jdbc;
  private final KpiMonthMarks marks;

  /** The engine's clock ({@link EngineClock}), so that tests which move it see consistent timestamps. */
  public static Instant now() {
    return EngineClock.now();
  }

  /** Registers a work order and returns its order number, e.g. CMP-000042. */
  public String create(NewWorkOrder order) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    OffsetDateTime now = ts(now());
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          INSERT INTO sl_work_order (order_no, order_type, status, process_instance_id, channel, category,
            region, segment, tier, brand, customer_phone, customer_name, description, details,
            first_contact_owner, received_at, created_at, updated_at)
          VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      // the text columns in their order, then the three moments
      String[] texts = {order.type().name(), order.status(), order.processInstanceId(), order.channel(),
          order.category(), order.region(), order.segment(), order.tier(), order.brand(), order.customerPhone(),
          order.customerName(), order.description(), order.detailsJson(), order.firstContactOwner()};
      for (int i = 0; i < texts.length; i++) {
        ps.setString(i + 1, texts[i]);
      }
      ps.setObject(texts.length + 1, ts(order.receivedAt()));
      ps.setObject(texts.length + 2, now);
      ps.setObject(texts.length + 3, now);
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    String orderNo = String.format("%s-%06d", order.type().prefix(), id);
    // an order received in a past or summarised month (e.g. received on the 31st, registered on the 1st) marks it
    write("order_no = ?", "id = ?", id, orderNo);
    return orderNo;
  }

  public Optional<WorkOrder> find(String orderNo) {
    List<WorkOrder> found = jdbc.query("SELECT * FROM sl_work_order WHERE order_no = ?", this::map, orderNo);
    return found.stream().findFirst();
  }

  public WorkOrder get(String orderNo) {
    return find(orderNo).orElseThrow(() -> new IllegalStateException("No work order " + orderNo));
  }

  public void setStatus(String orderNo, String status) {
    update(orderNo, "status = ?", status);
  }

  public void setRouting(String orderNo, String assuranceModule, String responsibleGroup) {
    changes(orderNo).routing(assuranceModule, responsibleGroup).apply();
  }

  /** 首问负责: the user or group who owns the first contact and the reply. */
  public void setFirstContactOwner(String orderNo, String owner) {
    changes(orderNo).firstContactOwner(owner).apply();
  }

  /**
   * The deadlines of the service level, with the time mode each was counted in (WORKING, NATURAL). The first
   * one set for the closure (a repair: its repair limit) is
   * also first_closure_due, the deadline timely handling judges the case by (first write wins).
   */
  public void setServiceLevel(String orderNo, int priority, Instant firstContactDue, String firstContactTimeMode,
      Instant completionDue, Instant closureDue, String completionTimeMode) {
    changes(orderNo).serviceLevel(priority, firstContactDue, firstContactTimeMode, completionDue, closureDue,
        completionTimeMode).apply();
  }

  /**
   * A working-time deadline of the order runs into {@code year}, which has no holiday schedule: kept as the
   * earliest such year (docs/calendar.md). Nothing when {@code year} is empty.
   */
  public void flagUnscheduledYear(String orderNo, java.util.OptionalInt year) {
    if (year.isPresent()) {
      changes(orderNo).unscheduledYear(year).apply();
    }
  }

  /**
   * The order's SLA warnings that have a value, by camelCase column name ({@code firstContactWarn1At},
   * {@code firstContactWarnedLevel}, … {@code closureWarnedAt}): instants and levels.
   */
  public Map<String, Object> slaWarnings(String orderNo) {
    Map<String, Object> warnings = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo);
    if (rows.isEmpty()) {
      return warnings;
    }
    for (SlaClock clock : SlaClock.values()) {
      for (String suffix : new String[] {"warn1_at", "warn2_at", "warned_level", "warned_at"}) {
        String column = clock.column() + "_" + suffix;
        Object value = rows.get(0).get(column); // the row's keys are case-insensitive
        if (value != null) {
          warnings.put(clock.variable() + camel(suffix), value instanceof Number n && suffix.endsWith("level")
              ? (Object) n.intValue() : WorkOrderView.instant(value));
        }
      }
    }
    return warnings;
  }

  private static String camel(String suffix) {
    StringBuilder out = new StringBuilder();
    for (String part : suffix.split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** The year {@link #flagUnscheduledYear} recorded, if any. */
  public Optional<Integer> unscheduledYear(String orderNo) {
    return jdbc.queryForList("SELECT deadline_unscheduled_year FROM sl_work_order WHERE order_no = ?", Integer.class,
        orderNo).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /**
   * A first-contact attempt that did not reach the customer: an attempt, never the contact (the clock pauses
   * until the next one, as sla-pause decides).
   */
  public void recordFirstContactAttempt(String orderNo) {
    update(orderNo, "first_contact_attempts = COALESCE(first_contact_attempts, 0) + 1");
  }

  /** Every attempt sla-pause allowed failed: the first contact ends without the customer reached. */
  public void recordFirstContactUnreachable(String orderNo) {
    update(orderNo, "first_contact_result = 'UNREACHABLE'");
  }

  /**
   * First contact: the customer reached (an attempt too). The first one counts; on time when it is not after
   * its deadline (moved by the pauses before it).
   */
  public void recordFirstContact(String orderNo, Instant at) {
    changes(orderNo).firstContact(at).apply();
  }

  public void recordAppointment(String orderNo, Instant appointmentAt) {
    changes(orderNo).appointment(appointmentAt).apply();
  }

  public void recordDispatch(String orderNo, Instant at) {
    update(orderNo, "dispatched_at = COALESCE(dispatched_at, ?)", ts(at));
  }

  /** The work itself is done (resolved, installed, repaired); on time against completion_due. */
  public void recordCompletion(String orderNo, Instant at) {
    changes(orderNo).completion(at).apply();
  }

  public void recordResolution(String orderNo, String resolution, String rootCause, String responsibleParty,
      String commitment, BigDecimal compensationAmount) {
    changes(orderNo).resolution(resolution, rootCause, responsibleParty, commitment, compensationAmount).apply();
  }

  /**
   * A return visit's answer (SATISFIED, UNSATISFIED, UNREACHABLE). satisfaction / surveyed_at are the latest;
   * first_satisfaction / first_surveyed_at the first round's (the satisfaction KPI's: a month already
   * reported does not change when a later round answers); sl_return_visit keeps every round's answer (the
   * round's last call), its number of calls and its first call.
   */
  public void recordSatisfaction(String orderNo, String satisfaction, Instant at) {
    update(orderNo, """
        satisfaction = ?, surveyed_at = ?,
        first_satisfaction = CASE WHEN rounds = 1 THEN ? ELSE first_satisfaction END,
        first_surveyed_at = CASE WHEN rounds = 1 THEN ? ELSE first_surveyed_at END""",
        satisfaction, ts(at), satisfaction, ts(at));
    // the round's first call inserts its row (one statement: the usual case), a later call of the round updates it
    int inserted = jdbc.update("""
        INSERT INTO sl_return_visit (order_no, round_no, outcome, attempts, first_call_at, surveyed_at)
        SELECT w.order_no, w.rounds, ?, 1, ?, ? FROM sl_work_order w WHERE w.order_no = ?
          AND NOT EXISTS (SELECT 1 FROM sl_return_visit r WHERE r.order_no = w.order_no AND r.round_no = w.rounds)""",
        satisfaction, ts(at), ts(at), orderNo);
    if (inserted == 0) {
      jdbc.update("""
          UPDATE sl_return_visit SET outcome = ?, attempts = COALESCE(attempts, 0) + 1, surveyed_at = ?
          WHERE order_no = ? AND round_no = (SELECT w.rounds FROM sl_work_order w WHERE w.order_no = ?)""",
          satisfaction, ts(at), orderNo, orderNo);
    }
  }

  /** The return visits of an order, one per round in round order. */
  public List<ReturnVisit> returnVisits(String orderNo) {
    return jdbc.query("""
        SELECT round_no, outcome, attempts, first_call_at, surveyed_at FROM sl_return_visit
        WHERE order_no = ? ORDER BY round_no""",
        (rs, i) -> new ReturnVisit(rs.getInt(1), rs.getString(2), integer(rs, "attempts"),
            instant(rs, "first_call_at"), instant(rs, "surveyed_at")), orderNo);
  }

  /** One round's return visit: its answer (the round's last call), calls made, first and last call. */
  public record ReturnVisit(int round, String outcome, Integer attempts, Instant firstCallAt, Instant surveyedAt) {}

  /**
   * An unsatisfied customer: another round of processing against a new closure deadline. The round that
   * ends now is judged against first_closure_due if it is the first (first_closure_on_time, first write
   * wins): a later round's new deadline never turns the first miss into a case handled on time.
   */
  public void startNewRound(String orderNo, Instant newClosureDue) {
    changes(orderNo).newRound(newClosureDue).apply();
  }

  /**
   * When the clock's two warnings are due (the warning timers' due dates). {@code newTarget}: the clock got a
   * new target (a new round), so the level reached so far is cleared; a moved deadline keeps it.
   */
  public void setWarningsDue(String orderNo, SlaClock clock, Instant warn1At, Instant warn2At, boolean newTarget) {
    changes(orderNo).warningsDue(clock, warn1At, warn2At, newTarget).apply();
  }

  /**
   * A warning of the clock fired: the level reached rises to {@code level} (never falls), with the moment.
   * True when the level rose (false: this level or a higher one was already recorded).
   */
  public boolean recordWarning(String orderNo, SlaClock clock, int level, Instant at) {
    String c = clock.column();
    return jdbc.update("UPDATE sl_work_order SET " + c + "_warned_level = ?, " + c + "_warned_at = ?, updated_at = ?"
        + " WHERE order_no = ? AND (" + c + "_warned_level IS NULL OR " + c + "_warned_level < ?)",
        level, ts(at), ts(now()), orderNo, level) > 0;
  }

  public void setClosureDue(String orderNo, Instant closureDue) {
    changes(orderNo).closureDue(closureDue).apply();
  }

  public void raiseEscalationLevel(String orderNo, int level) {
    update(orderNo, "escalation_level = CASE WHEN escalation_level < ? THEN ? ELSE escalation_level END",
        level, level);
  }

  public void recordRemedy(String orderNo, BigDecimal remedyAmount) {
    update(orderNo, "remedy_amount = ?", remedyAmount);
  }

  /**
   * Closure: the final status, and on time against closure_due (the round's); a case closed in its first
   * round is also judged against first_closure_due (first_closure_on_time, kept when a round set it).
   */
  public void recordClosure(String orderNo, String status, Instant at) {
    update(orderNo, """
        status = ?, closed_at = ?,
        closure_on_time = CASE WHEN closure_due IS NULL OR ? <= closure_due THEN TRUE ELSE FALSE END,
        first_closure_on_time = COALESCE(first_closure_on_time,
          CASE WHEN first_closure_due IS NULL OR ? <= first_closure_due THEN TRUE ELSE FALSE END)""",
        status, ts(at), ts(at), ts(at));
  }

  /**
   * Closure of an order that is judged by when its work was done, not by when its paperwork closed
   * (an installation by the customer promise, a repair by its repair limit): that promise becomes
   * closure_due, and the order is on time when completed_at is not after it (never, when not completed).
   */
  public void recordClosureJudgedByCompletion(String orderNo, String status, Instant at, Instant promise) {
    update(orderNo, """
        status = ?, closed_at = ?, closure_due = ?,
        closure_on_time = CASE WHEN completed_at IS NOT NULL AND completed_at <= ? THEN TRUE ELSE FALSE END,
        first_closure_due = COALESCE(first_closure_due, ?),
        first_closure_on_time = COALESCE(first_closure_on_time,
          CASE WHEN completed_at IS NOT NULL AND completed_at <= COALESCE(first_closure_due, ?) THEN TRUE ELSE FALSE END)""",
        status, ts(at), ts(promise), ts(promise), ts(promise), ts(promise));
  }

  public void recordBreach(String orderNo, String reason, Instant deadline, Instant detectedAt) {
    jdbc.update("""
        INSERT INTO sl_breach (work_order_id, reason, deadline, detected_at)
        SELECT id, ?, ?, ? FROM sl_work_order WHERE order_no = ?""",
        reason, ts(deadline), ts(detectedAt), orderNo);
  }

  public List<String> breachReasons(String orderNo) {
    return jdbc.queryForList("""
        SELECT b.reason FROM sl_breach b JOIN sl_work_order w ON w.id = b.work_order_id
        WHERE w.order_no = ? ORDER BY b.id""", String.class, orderNo);
  }

  /**
   * Whether this complaint is a repeat complaint (重复投诉), as the complaint process decided it with its model's
   * window; the KPI repeatComplaintRate counts these flags. A retried check writes its answer again.
   */
  public void recordRepeatComplaint(String orderNo, boolean repeat) {
    update(orderNo, "repeat_complaint = ?", repeat);
  }

  /** Work orders of the same type from this phone received in [from, to), other than this one. */
  public int countFromPhone(OrderType type, String phone, Instant from, Instant to, String exceptOrderNo) {
    Integer count = jdbc.queryForObject("""
        SELECT COUNT(*) FROM sl_work_order
        WHERE order_type = ? AND customer_phone = ? AND received_at >= ? AND received_at < ? AND order_no <> ?""",
        Integer.class, type.name(), phone, ts(from), ts(to), exceptOrderNo);
    return count == null ? 0 : count;
  }

  /**
   * The customer's latest complaint of that type from the phone received in [from, to) through another channel
   * than {@code exceptChannel} (a regulator referral's original complaint), or empty.
   */
  public Optional<String> latestFromPhone(OrderType type, String phone, Instant from, Instant to,
      String exceptChannel, String exceptOrderNo) {
    return jdbc.queryForList("""
        SELECT order_no FROM sl_work_order
        WHERE order_type = ? AND customer_phone = ? AND received_at >= ? AND received_at < ? AND channel <> ?
          AND order_no <> ?
        ORDER BY received_at DESC, id DESC""", String.class, type.name(), phone, ts(from), ts(to), exceptChannel,
        exceptOrderNo).stream().findFirst();
  }

  /** A REGULATOR referral: the regulator's reference and reply deadline, and the original complaint (or null). */
  public void recordReferral(String orderNo, String reference, Instant replyDue, String originalOrderNo) {
    update(orderNo, "regulator_reference = ?, regulator_reply_due = ?, original_order_no = ?", reference,
        ts(replyDue), originalOrderNo);
  }

  /** Reported back to the regulator: when, and on time against regulator_reply_due (the first report counts). */
  public void recordRegulatorReport(String orderNo, Instant at) {
    update(orderNo, """
        regulator_reported_at = COALESCE(regulator_reported_at, ?),
        regulator_reply_on_time = COALESCE(regulator_reply_on_time,
          CASE WHEN regulator_reply_due IS NULL OR ? <= regulator_reply_due THEN TRUE ELSE FALSE END)""",
        ts(at), ts(at));
  }

  /** The work order row by column name (for tests and the capabilities' API answers). */
  public java.util.Map<String, Object> row(String orderNo) {
    return jdbc.queryForMap("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo);
  }

  /**
   * Several changes of one work order written as one UPDATE (issue 12: one statement instead of one per change),
   * e.g. {@code changes(orderNo).routing(module, group).firstContactOwner(owner).apply()}. Each change is the
   * assignment its single method ({@link #setRouting}, {@link #setFirstContactOwner}, …) writes, so the row
   * ends the same; the changes of one {@code apply} must set different columns (all of them read the row as it
   * was before the UPDATE, which none of the combined changes depends on). Unscheduled years are merged into one
   * assignment (the earliest one counts, as with two {@link #flagUnscheduledYear} calls).
   */
  public Changes changes(String orderNo) {
    return new Changes(orderNo);
  }

  /** The changes of one work order {@link #changes} collects; {@link #apply} writes them. */
  public final class Changes {

    private final String orderNo;
    private final StringBuilder assignments = new StringBuilder();
    private final List<Object> args = new java.util.ArrayList<>();
    private Integer unscheduledYear;

    private Changes(String orderNo) {
      this.orderNo = orderNo;
    }

    private Changes set(String assignment, Object... values) {
      assignments.append(assignments.isEmpty() ? "" : ", ").append(assignment);
      args.addAll(java.util.Arrays.asList(values));
      return this;
    }

    /** As {@link WorkOrderRepository#setRouting}. */
    public Changes routing(String assuranceModule, String responsibleGroup) {
      return set("assurance_module = ?, responsible_group = ?", assuranceModule, responsibleGroup);
    }

    /** As {@link WorkOrderRepository#setFirstContactOwner}. */
    public Changes firstContactOwner(String owner) {
      return set("first_contact_owner = ?", owner);
    }

    /** As {@link WorkOrderRepository#setServiceLevel}. */
    public Changes serviceLevel(int priority, Instant firstContactDue, String firstContactTimeMode,
        Instant completionDue, Instant closureDue, String completionTimeMode) {
      return set("""
          priority = ?, first_contact_due = ?, first_contact_time_mode = ?, completion_due = ?, closure_due = ?,
          completion_time_mode = ?, first_closure_due = COALESCE(first_closure_due, ?)""",
          priority, ts(firstContactDue), firstContactTimeMode, ts(completionDue), ts(closureDue), completionTimeMode,
          ts(closureDue != null ? closureDue : completionDue));
    }

    /** As {@link WorkOrderRepository#flagUnscheduledYear}; nothing when {@code year} is empty. */
    public Changes unscheduledYear(java.util.OptionalInt year) {
      if (year.isPresent() && (unscheduledYear == null || year.getAsInt() < unscheduledYear)) {
        unscheduledYear = year.getAsInt();
      }
      return this;
    }

    /** As {@link WorkOrderRepository#setWarningsDue}. */
    public Changes warningsDue(SlaClock clock, Instant warn1At, Instant warn2At, boolean newTarget) {
      String c = clock.column();
      return set(c + "_warn1_at = ?, " + c + "_warn2_at = ?"
          + (newTarget ? ", " + c + "_warned_level = NULL, " + c + "_warned_at = NULL" : ""), ts(warn1At), ts(warn2At));
    }

    /** As {@link WorkOrderRepository#recordFirstContact}. */
    public Changes firstContact(Instant at) {
      return set("""
          first_contact_attempts = COALESCE(first_contact_attempts, 0) + 1,
          first_contact_result = 'REACHED',
          first_contact_at = COALESCE(first_contact_at, ?),
          first_contact_on_time = COALESCE(first_contact_on_time,
            CASE WHEN first_contact_due IS NULL OR ? <= first_contact_due THEN TRUE ELSE FALSE END)""",
          ts(at), ts(at));
    }

    /** As {@link WorkOrderRepository#recordAppointment}. */
    public Changes appointment(Instant appointmentAt) {
      return set("appointment_at = ?, on_site_appointment = TRUE", ts(appointmentAt));
    }

    /** As {@link WorkOrderRepository#startNewRound}. */
    public Changes newRound(Instant newClosureDue) {
      return set("""
          rounds = rounds + 1, closure_due = ?,
          first_closure_on_time = COALESCE(first_closure_on_time,
            CASE WHEN first_closure_due IS NULL OR ? <= first_closure_due THEN TRUE ELSE FALSE END)""",
          ts(newClosureDue), ts(now()));
    }

    /** As {@link WorkOrderRepository#setClosureDue}. */
    public Changes closureDue(Instant closureDue) {
      return set("closure_due = ?", ts(closureDue));
    }

    /** As {@link WorkOrderRepository#recordResolution}. */
    public Changes resolution(String resolution, String rootCause, String responsibleParty, String commitment,
        BigDecimal compensationAmount) {
      return set("resolution = ?, root_cause = ?, responsible_party = ?, commitment = ?, compensation_amount = ?",
          resolution, rootCause, responsibleParty, commitment, compensationAmount);
    }

    /** As {@link WorkOrderRepository#recordCompletion}. */
    public Changes completion(Instant at) {
      return set("""
          completed_at = ?,
          completion_on_time = CASE WHEN completion_due IS NULL OR ? <= completion_due THEN TRUE ELSE FALSE END""",
          ts(at), ts(at));
    }

    /** Writes the changes in one UPDATE with updated_at; nothing to write: no statement. */
    public void apply() {
      if (unscheduledYear != null) {
        set("""
            deadline_unscheduled_year = CASE WHEN deadline_unscheduled_year IS NULL OR deadline_unscheduled_year > ?
              THEN ? ELSE deadline_unscheduled_year END""", unscheduledYear, unscheduledYear);
        unscheduledYear = null;
      }
      if (!assignments.isEmpty()) {
        update(orderNo, assignments.toString(), args.toArray());
      }
    }
  }

  /**
   * Sets columns of one work order ("a = ?, b = ?" with their values) and its updated_at; a capability's own
   * columns (installation, fault repair) are written through here too. No such order: IllegalStateException.
   */
  public void update(String orderNo, String assignments, Object... args) {
    Object[] all = new Object[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = ts(now());
    if (!write(assignments + ", updated_at = ?", "order_no = ?", orderNo, all)) {
      throw new IllegalStateException("No work order " + orderNo);
    }
  }

  /**
   * One UPDATE of the row where (its key), guarded so that it writes only an order whose KPI facts lie in the
   * current month or later ({@link KpiMonthMarks#guard}); when the guard fails, the months the write touches are
   * marked stale for the KPI month summary first and the row written without it. False when no such row.
   */
  private boolean write(String assignments, String where, Object key, Object... args) {
    List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(args));
    List<Instant> times = KpiMonthMarks.times(values);
    Instant earliest = times.stream().min(Instant::compareTo).orElse(null);
    String sql = "UPDATE sl_work_order SET " + assignments + " WHERE " + where;
    List<Object> guarded = new java.util.ArrayList<>(values);
    guarded.add(key);
    String guard = earliest != null && earliest.isBefore(marks.currentMonthStart()) ? null : marks.guard(guarded, earliest);
    if (guard != null && jdbc.update(sql + guard, guarded.toArray()) == 1) {
      return true;
    }
    if (!marks.mark(where, key, times)) {
      return false;
    }
    values.add(key);
    return jdbc.update(sql, values.toArray()) == 1;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private WorkOrder map(ResultSet rs, int row) throws SQLException {
    return new WorkOrder(
        rs.getLong("id"), rs.getString("order_no"), OrderType.valueOf(rs.getString("order_type")),
        rs.getString("status"), rs.getString("process_instance_id"), rs.getString("channel"),
        rs.getString("category"), rs.getString("region"), rs.getString("segment"), rs.getString("tier"),
        rs.getString("brand"), rs.getString("customer_phone"), rs.getString("customer_name"),
        rs.getString("description"), rs.getString("details"), rs.getString("assurance_module"),
        rs.getString("responsible_group"), rs.getString("first_contact_owner"), integer(rs, "priority"),
        instant(rs, "received_at"), instant(rs, "first_contact_due"), instant(rs, "first_contact_at"),
        bool(rs, "first_contact_on_time"), instant(rs, "appointment_at"), rs.getBoolean("on_site_appointment"),
        instant(rs, "dispatched_at"), instant(rs, "completion_due"), instant(rs, "completed_at"),
        bool(rs, "completion_on_time"), instant(rs, "closure_due"), instant(rs, "closed_at"),
        bool(rs, "closure_on_time"), rs.getInt("rounds"), rs.getString("satisfaction"),
        instant(rs, "surveyed_at"), rs.getInt("escalation_level"), rs.getString("resolution"),
        rs.getString("root_cause"), rs.getString("responsible_party"), rs.getString("commitment"),
        rs.getBigDecimal("compensation_amount"), rs.getBigDecimal("remedy_amount"));
  }
}
