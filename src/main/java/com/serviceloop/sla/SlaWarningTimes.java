package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.RulesAccess;
import com.serviceloop.workorder.SlaClock;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * When a clock's two warnings are due: at the shares dmn/sla-warning.dmn decided ({@code <clock>Warning1Share},
 * {@code …Warning2Share}, variables the model's business-rule task set) of the span from the clock's start to
 * its deadline, counted in the clock's own time mode on the calendar. They become the Date variables
 * {@code <clock>Warning1At}/{@code …Warning2At}, the warning timers' timeDate.
 *
 * <p>sla-warning's {@code warnDuring} (the owner's rule): under {@link #WORKING_HOURS} a warning outside working
 * hours moves to the calendar's next working start, unless that is at or past the deadline (then it keeps its
 * moment: a warning always precedes the breach). ANY_TIME, or no answer: its own moment. The breach is never
 * moved. The shipped models map warnDuring to {@code <clock>WarnDuring} with the shares; for a model that does
 * not (an owner's older copy) the rule is read here, only for a warning that falls outside working hours, and
 * kept in that variable.
 */
@Service
@RequiredArgsConstructor
public class SlaWarningTimes {

  public static final String DECISION = "sla-warning";
  public static final String WORKING_HOURS = "WORKING_HOURS";
  public static final String ANY_TIME = "ANY_TIME";

  private final WorkingTimeCalendar calendar;
  private final DecisionService decisions;

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
      at[level - 1] = place(execution, clock,
          calendar.shareOf(start, deadline, number.doubleValue(), TimeMode.of(timeMode)), deadline);
      execution.setVariable(clock.warningAtVariable(level), Date.from(at[level - 1]));
    }
    return at;
  }

  /**
   * The moment a warning of the clock fires when its share falls at {@code moment}: the next working start if
   * the owner's rule is WORKING_HOURS, {@code moment} is outside working hours and that start is before
   * {@code deadline}; else {@code moment} itself.
   */
  public Instant place(VariableScope execution, SlaClock clock, Instant moment, Instant deadline) {
    if (moment == null || deadline == null || !moment.isBefore(deadline) || calendar.isWorkingTime(moment)
        || !WORKING_HOURS.equals(warnDuring(execution, clock))) {
      return moment;
    }
    Instant next = calendar.nextWorkingMoment(moment);
    return next.isBefore(deadline) ? next : moment;
  }

  /** sla-warning's warnDuring for the clock: the case's kept answer, else the latest table's (then kept). */
  String warnDuring(VariableScope execution, SlaClock clock) {
    String variable = clock.variable() + "WarnDuring";
    Object kept = execution.getVariable(variable);
    if (kept instanceof String answer) {
      return answer;
    }
    DmnDecisionResult result = RulesAccess.evaluate(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("clock", clock.name())).evaluate());
    Object answer = result.isEmpty() ? null : result.getFirstResult().get("warnDuring");
    String during = answer == null || answer.toString().isBlank() ? ANY_TIME : answer.toString();
    execution.setVariable(variable, during);
    return during;
  }
}
