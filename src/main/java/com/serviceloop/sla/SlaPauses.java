package com.serviceloop.sla;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Pausing a work order's clocks while the case waits for the customer (dmn/sla-pause.dmn says which clocks a
 * reason stops). A pause is applied when it begins: the paused time, counted in the clock's own mode (working
 * hours for a working-time clock), moves the clock's deadline, its warnings, their timers
 * ({@link ManagementService#setJobDuedate}), the open tasks due at that deadline and the work order. A clock
 * whose deadline has already passed is not moved: a pause never un-breaches a clock. Every pause is kept in
 * sl_sla_pause; the SLA timeline shows them.
 *
 * <p>Most pauses have a known end (the next call, the agreed visit). An open-ended one (documents requested:
 * the case waits until they arrive) is applied provisionally up to its latest end, sla-pause's longest pause,
 * so no warning or breach timer fires during the wait; {@link #resume} then shortens it to what it really was.
 */
@Service
@RequiredArgsConstructor
public class SlaPauses {

  /**
   * One pause of one clock, as kept. {@code pausedFor} is in the clock's own time mode. {@code until} is the end
   * it was applied to (the provisional one of an open-ended pause), {@code resumedAt} its real end once it
   * ended (null while it runs; for a pause with a known end, also null: {@code until} is its end).
   */
  public record Pause(SlaClock clock, String reason, Instant from, Instant until, TimeMode mode, Duration pausedFor,
      Instant dueBefore, Instant dueAfter, boolean moved, boolean openEnded, Instant resumedAt) {

    /** The pause's end as far as it is known now: the real end, else the end it was applied to. */
    public Instant end() {
      return resumedAt != null ? resumedAt : until;
    }
  }

  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;
  private final SlaWarningTimes warningTimes;

  /**
   * Pauses {@code clock} of the process's work order from {@code from} until {@code until}.
   *
   * @param variables the process's variables (the clock's deadline, time mode and warning moments, by the
   *     {@link SlaClock} conventions)
   * @param openEnded whether {@code until} is only the latest end (the case resumes when the customer answers,
   *     {@link #resume})
   */
  public void pause(VariableScope variables, String processInstanceId, String orderNo, SlaClock clock,
      String reason, Instant from, Instant until, boolean openEnded) {
    TimeMode mode = TimeMode.of((String) variables.getVariable(clock.timeModeVariable()));
    Duration length = length(from, until, mode);
    Instant due = calendar.toInstant(variables.getVariable(clock.dueVariable()));
    boolean moved = due != null && due.isAfter(from) && !length.isZero();
    Instant newDue = moved ? shift(due, length, mode) : due;
    if (moved) {
      move(variables, processInstanceId, orderNo, clock, due, newDue, moment -> shift(moment, length, mode));
    }
    jdbc.update("""
        INSERT INTO sl_sla_pause (order_no, clock, reason, paused_at, resumes_at, time_mode, paused_for, due_before,
          due_after, moved, open_ended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orderNo, clock.name(), reason,
        ts(from), ts(until), mode.name(), length.toString(), ts(due), ts(newDue), moved, openEnded);
  }

  /**
   * Ends the order's running open-ended pauses for {@code reason} at {@code at} (every clock the reason paused),
   * and gives back the part not used: the pause was applied up to its latest end, it really lasted from its
   * start to {@code at} (never later than that latest end, never before its start), so the clock's deadline,
   * warnings, timers, the open tasks due at the deadline and the work order move back by the unused part,
   * counted in the clock's own mode. The row then keeps the real end, length and deadline.
   *
   * <p>The rule for a shortened pause: a clock resumes with the time it had left when the pause began — its
   * deadline is the one the real pause gives (the deadline before the pause moved by the real paused time).
   * No moment of the clock is put before {@code at}: a clock that had time left when it paused cannot be
   * breached by its own resumption (what is due at {@code at} fires at once). A clock not moved by the pause
   * (it had already breached) is not moved now either, and a deadline that something else set meanwhile (not
   * the one the pause left) is kept: only the pause's own part is given back.
   */
  public void resume(VariableScope variables, String processInstanceId, String orderNo, String reason, Instant at) {
    List<Map<String, Object>> open = jdbc.queryForList("""
        SELECT id, clock, paused_at, resumes_at, time_mode, paused_for, due_before, due_after, moved
        FROM sl_sla_pause WHERE order_no = ? AND reason = ? AND open_ended AND resumed_at IS NULL ORDER BY id""",
        orderNo, reason);
    for (Map<String, Object> row : open) {
      Instant from = moment(row.get("paused_at"));
      Instant until = moment(row.get("resumes_at"));
      Instant end = at.isAfter(until) ? until : at.isBefore(from) ? from : at;
      TimeMode mode = TimeMode.valueOf((String) row.get("time_mode"));
      Duration real = length(from, end, mode);
      Duration unused = Duration.parse((String) row.get("paused_for")).minus(real);
      SlaClock clock = SlaClock.valueOf((String) row.get("clock"));
      Instant dueAfter = moment(row.get("due_after"));
      Instant due = moment(variables.getVariable(clock.dueVariable()));
      boolean giveBack = Boolean.TRUE.equals(row.get("moved")) && !unused.isNegative() && !unused.isZero() && due != null
          && due.equals(dueAfter);
      Instant newDue = dueAfter;
      if (giveBack) {
        newDue = latest(shift(moment(row.get("due_before")), real, mode), end);
        move(variables, processInstanceId, orderNo, clock, due, newDue,
            moment -> latest(rewind(moment, unused, mode), end));
      }
      jdbc.update("UPDATE sl_sla_pause SET resumed_at = ?, paused_for = ?, due_after = ? WHERE id = ?", ts(end),
          real.toString(), ts(newDue), row.get("id"));
    }
  }

  /** The pauses of the order, oldest first. */
  public List<Pause> of(String orderNo) {
    return jdbc.query("""
        SELECT clock, reason, paused_at, resumes_at, time_mode, paused_for, due_before, due_after, moved, open_ended,
          resumed_at
        FROM sl_sla_pause WHERE order_no = ? ORDER BY id""", (rs, i) -> new Pause(SlaClock.valueOf(rs.getString(1)),
        rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
        TimeMode.valueOf(rs.getString(5)), Duration.parse(rs.getString(6)),
        instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class)),
        rs.getBoolean(9), rs.getBoolean(10), instant(rs.getObject(11, OffsetDateTime.class))), orderNo);
  }

  /** How long the span is in the clock's mode: working time between them, or elapsed time. */
  Duration length(Instant from, Instant until, TimeMode mode) {
    if (!until.isAfter(from)) {
      return Duration.ZERO;
    }
    return mode == TimeMode.NATURAL ? Duration.between(from, until) : calendar.workingTimeBetween(from, until);
  }

  /**
   * A moment of the clock moved by the paused time, in the clock's mode. Working time: the same working time
   * still to run from the pause's end is the same as this moment plus the paused working time.
   */
  Instant shift(Instant moment, Duration length, TimeMode mode) {
    if (moment == null || length.isZero()) {
      return moment;
    }
    return mode == TimeMode.NATURAL ? moment.plus(length) : calendar.addWorkingTime(moment, length);
  }

  /** The inverse of {@link #shift}: the moment from which the paused time in the clock's mode reaches {@code moment}. */
  Instant rewind(Instant moment, Duration length, TimeMode mode) {
    if (moment == null || length.isZero()) {
      return moment;
    }
    return mode == TimeMode.NATURAL ? moment.minus(length) : calendar.subtractWorkingTime(moment, length);
  }

  private Instant moment(Object value) {
    return value == null ? null : calendar.toInstant(value);
  }

  private static Instant latest(Instant moment, Instant floor) {
    return moment == null || moment.isAfter(floor) ? moment : floor;
  }

  /**
   * Moves the clock's deadline to {@code newDue} and each of its other moments by {@code moveMoment}; a moved
   * warning is placed by sla-warning's warnDuring again ({@link SlaWarningTimes#place}) and its timer follows it.
   */
  private void move(VariableScope variables, String processInstanceId, String orderNo, SlaClock clock,
      Instant due, Instant newDue, UnaryOperator<Instant> moveMoment) {
    Date newDate = Date.from(newDue);
    variables.setVariable(clock.dueVariable(), newDate);
    variables.setVariable(clock.dueVariable() + "Text", calendar.display(newDate));
    Instant[] warnings = new Instant[2];
    for (int level = 1; level <= 2; level++) {
      String name = clock.warningAtVariable(level);
      Object at = variables.getVariable(name);
      if (at != null) {
        // moved like the clock, then placed by the owner's warnDuring again (a natural clock's moment can land at night)
        warnings[level - 1] = warningTimes.place(variables, clock, moveMoment.apply(calendar.toInstant(at)), newDue);
        variables.setVariable(name, Date.from(warnings[level - 1]));
      }
    }
    String c = clock.column();
    String columns = c + "_due = ?, " + c + "_warn1_at = ?, " + c + "_warn2_at = ?";
    if (clock == SlaClock.CLOSURE) { // the first round's target moves too: timely handling judges by it
      workOrders.update(orderNo, columns + ", first_closure_due = CASE WHEN rounds = 1 THEN ? ELSE first_closure_due END",
          ts(newDue), ts(warnings[0]), ts(warnings[1]), ts(newDue));
    } else {
      workOrders.update(orderNo, columns, ts(newDue), ts(warnings[0]), ts(warnings[1]));
    }
    List<String> timerIds = clock.timerIds();
    for (int i = 0; i < timerIds.size(); i++) {
      Instant warning = i == 0 ? null : warnings[i - 1]; // [0] is the breach: moved by the pause only
      for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId)
          .activityId(timerIds.get(i)).timers().list()) {
        Instant moved = warning != null ? warning : moveMoment.apply(timer.getDuedate().toInstant());
        managementService.setJobDuedate(timer.getId(), Date.from(moved));
      }
    }
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).dueDate(Date.from(due)).list()) {
      task.setDueDate(newDate);
      taskService.saveTask(task);
    }
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
