package com.serviceloop.complaint;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * A complaint's deadlines: a limit from complaint-service-level ("PT2H", "P5D") counted in its time mode
 * (WORKING or NATURAL) on the working-time calendar. The limits are decided in DMN; this only counts.
 * Also used from the model, e.g. {@code ${complaintDeadlines.fromNow(returnVisitLimit, 'NATURAL')}}.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  private final WorkingTimeCalendar calendar;

  public ComplaintDeadlines(WorkingTimeCalendar calendar) {
    this.calendar = calendar;
  }

  public Instant due(Instant start, String limit, String timeMode) {
    return calendar.due(start, limit, TimeMode.of(timeMode));
  }

  /** The deadline counted from now on the engine clock, as the Date a timer or a task's due date takes. */
  public Date fromNow(String limit, String timeMode) {
    return Date.from(due(WorkOrderRepository.now(), limit, timeMode));
  }

  /** A moment from a process variable: a Date, or an ISO-8601 string as a form submits it. */
  public Instant toInstant(Object value) {
    return calendar.toInstant(value);
  }
}
