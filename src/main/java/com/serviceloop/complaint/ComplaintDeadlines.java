package com.serviceloop.complaint;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import java.time.Instant;
import java.util.Date;
import java.util.OptionalInt;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A complaint's deadlines: a limit from complaint-service-level ("PT2H", "P5D") counted in its time mode
 * (WORKING or NATURAL) on the working-time calendar. The limits are decided in DMN; this only counts.
 */
@Component("complaintDeadlines")
@RequiredArgsConstructor
public class ComplaintDeadlines {

  private final WorkingTimeCalendar calendar;

  public Instant due(Instant start, String limit, String timeMode) {
    return calendar.due(start, limit, TimeMode.of(timeMode));
  }

  /**
   * Sets a deadline variable (a Date: the timer's timeDate, the tasks' due dates) and, as {@code <name>Text},
   * what the forms show of it in the operator's zone — once per change, not a copy on every user task.
   */
  public void set(VariableScope execution, String variable, Instant due) {
    Date date = Date.from(due);
    execution.setVariable(variable, date);
    execution.setVariable(variable + "Text", calendar.display(date));
  }

  /**
   * The closure deadline is never earlier than the first-contact deadline: a natural-day closure limit can end
   * before a working-hours first contact across a long holiday (received 2026-09-30 17:00: closure P7D natural
   * 10-07 17:00, first contact PT2H working 10-08 10:00), and then the closure is due with the first contact.
   */
  public Instant closureNotBeforeFirstContact(Instant closureDue, Instant firstContactDue) {
    return closureDue.isBefore(firstContactDue) ? firstContactDue : closureDue;
  }

  /**
   * A REGULATOR referral must be handled by the reply deadline the regulator set: the closure is due then at
   * the latest (so the closure's warnings and breach watch the regulator's deadline too). No deadline: as is.
   */
  public Instant notAfterRegulatorReply(Instant closureDue, Object regulatorReplyDue) {
    if (regulatorReplyDue == null) {
      return closureDue;
    }
    Instant reply = toInstant(regulatorReplyDue);
    return reply.isBefore(closureDue) ? reply : closureDue;
  }

  /** The first year without a holiday schedule a working-time deadline from start to due runs into. */
  public OptionalInt unscheduledYear(Instant start, Instant due, String timeMode) {
    return calendar.unscheduledYearOf(start, due, TimeMode.of(timeMode));
  }

  /**
   * A moment from a process variable: a Date, or an ISO-8601 string as a form submits it
   * ("2026-11-20T17:00+08:00"), or as the engine's REST API writes a Date ("2026-11-20T17:00:00.000+0800",
   * which a form sends back when it shows a deadline read-only).
   */
  public Instant toInstant(Object value) {
    return calendar.toInstant(value);
  }

}
