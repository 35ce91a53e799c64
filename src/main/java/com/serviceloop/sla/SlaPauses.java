package com.serviceloop.sla;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Pausing a work order's clocks while the case waits for the customer (dmn/sla-pause.dmn says which clocks a
 * reason stops). A pause has a known end — the next attempt — so it is applied when it begins: the paused time,
 * counted in the clock's own mode (working hours for a working-time clock), moves the clock's deadline, its
 * warnings, their timers ({@link ManagementService#setJobDuedate}), the open tasks due at that deadline and
 * the work order. A clock whose deadline has already passed is not moved: a pause never un-breaches a clock.
 * Every pause is kept in sl_sla_pause; the SLA timeline shows them.
 */
@Service
public class SlaPauses {

  /** One pause of one clock, as kept. {@code pausedFor} is in the clock's own time mode. */
  public record Pause(SlaClock clock, String reason, Instant from, Instant until, TimeMode mode, Duration pausedFor,
      Instant dueBefore, Instant dueAfter, boolean moved) {}

  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final JdbcTemplate jdbc;

  public SlaPauses(WorkOrderRepository workOrders, WorkingTimeCalendar calendar, ManagementService managementService,
      TaskService taskService, JdbcTemplate jdbc) {
    this.workOrders = workOrders;
    this.calendar = calendar;
    this.managementService = managementService;
    this.taskService = taskService;
    this.jdbc = jdbc;
  }

  /**
   * Pauses {@code clock} of the process's work order from {@code from} until {@code until}.
   *
   * @param variables the process's variables (the clock's deadline, time mode and warning moments, by the
   *     {@link SlaClock} conventions)
   */
  public void pause(VariableScope variables, String processInstanceId, String orderNo, SlaClock clock,
      String reason, Instant from, Instant until) {
    TimeMode mode = TimeMode.of((String) variables.getVariable(clock.timeModeVariable()));
    Duration length = length(from, until, mode);
    Instant due = calendar.toInstant(variables.getVariable(clock.dueVariable()));
    boolean moved = due != null && due.isAfter(from) && !length.isZero();
    Instant newDue = moved ? shift(due, length, mode) : due;
    if (moved) {
      moveDeadline(variables, processInstanceId, orderNo, clock, due, newDue, length, mode);
    }
    jdbc.update("""
        INSERT INTO sl_sla_pause (order_no, clock, reason, paused_at, resumes_at, time_mode, paused_for, due_before,
          due_after, moved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orderNo, clock.name(), reason, ts(from),
        ts(until), mode.name(), length.toString(), ts(due), ts(newDue), moved);
  }

  /** The pauses of the order, oldest first. */
  public List<Pause> of(String orderNo) {
    return jdbc.query("""
        SELECT clock, reason, paused_at, resumes_at, time_mode, paused_for, due_before, due_after, moved
        FROM sl_sla_pause WHERE order_no = ? ORDER BY id""", (rs, i) -> new Pause(SlaClock.valueOf(rs.getString(1)),
        rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
        TimeMode.valueOf(rs.getString(5)), Duration.parse(rs.getString(6)),
        instant(rs.getObject(7, OffsetDateTime.class)), instant(rs.getObject(8, OffsetDateTime.class)),
        rs.getBoolean(9)), orderNo);
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

  private void moveDeadline(VariableScope variables, String processInstanceId, String orderNo, SlaClock clock,
      Instant due, Instant newDue, Duration length, TimeMode mode) {
    Date newDate = Date.from(newDue);
    variables.setVariable(clock.dueVariable(), newDate);
    variables.setVariable(clock.dueVariable() + "Text", calendar.display(newDate));
    Instant[] warnings = new Instant[2];
    for (int level = 1; level <= 2; level++) {
      String name = clock.warningAtVariable(level);
      Object at = variables.getVariable(name);
      if (at != null) {
        warnings[level - 1] = shift(calendar.toInstant(at), length, mode);
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
    for (String timerId : clock.timerIds()) {
      for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timerId)
          .timers().list()) {
        managementService.setJobDuedate(timer.getId(), Date.from(shift(timer.getDuedate().toInstant(), length, mode)));
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
