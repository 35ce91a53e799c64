package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.workorder.SlaClock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * When a clock's two warnings are due: at the shares dmn/sla-warning.dmn decided ({@code <clock>Warning1Share},
 * {@code …Warning2Share}, variables the model's business-rule task set) of the span from the clock's start to
 * its deadline, counted in the clock's own time mode on the calendar. They become the Date variables
 * {@code <clock>Warning1At}/{@code …Warning2At}, the warning timers' timeDate.
 */
@Service
public class SlaWarningTimes {

  private final WorkingTimeCalendar calendar;

  public SlaWarningTimes(WorkingTimeCalendar calendar) {
    this.calendar = calendar;
  }

  /** Whether sla-warning answered for the clock in this case (not in a case started before the warnings). */
  public boolean has(VariableScope execution, SlaClock clock) {
    return execution.getVariable(clock.warningShareVariable(1)) instanceof Number
        && execution.getVariable(clock.warningShareVariable(2)) instanceof Number;
  }

  /** Sets both warning moments as variables; returns them, level 1 first, for the work order. */
  public Instant[] set(VariableScope execution, SlaClock clock, Instant start, Instant deadline, String timeMode) {
    Instant[] at = new Instant[2];
    for (int level = 1; level <= 2; level++) {
      String share = clock.warningShareVariable(level);
      Object value = execution.getVariable(share);
      if (!(value instanceof Number number)) {
        throw new IllegalStateException("sla-warning gave no " + share + " for clock " + clock
            + " (the table must answer both levels of every clock the model warns on)");
      }
      at[level - 1] = calendar.shareOf(start, deadline, number.doubleValue(), TimeMode.of(timeMode));
      execution.setVariable(clock.warningAtVariable(level), Date.from(at[level - 1]));
    }
    return at;
  }
}
