package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.RulesAccess;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * An installation's deadlines. The rules are dmn/installation-time-limit.dmn, evaluated by the model's
 * business-rule task {@code Task_DetermineTimeLimits} at acceptance: its rows (one per milestone: limit,
 * time mode, damages rate) are the variable {@code timeLimits}. This only reads the milestone's row and
 * counts its limit on the working-time calendar from the moment the milestone starts.
 */
@Component
@RequiredArgsConstructor
public class InstallationDeadlines {

  public static final String DECISION = "installation-time-limit";

  /** The milestones of installation-time-limit (its output {@code milestone}). */
  public enum Milestone {
    EXTRACTION, AUDIT, APPOINTMENT, INSTALLATION, INSTALL_TARGET, RETURN_ORDER, CASH_HANDOVER, PAYMENT_REVIEW,
    RETURN_VISIT
  }

  private final WorkingTimeCalendar calendar;
  private final DecisionService decisions;

  /**
   * The milestone's deadline counted from start, or null when the decision has no row for this order (a hall
   * order has no extraction, a 400 order no audit).
   */
  public Instant due(VariableScope order, Milestone milestone, Instant start) {
    Map<String, Object> row = row(order, milestone);
    return row == null ? null : calendar.due(start, (String) row.get("limit"), timeMode(row));
  }

  /** As {@link #due}, for a milestone every order has: no row is a broken table, refused. */
  public Instant requiredDue(VariableScope order, Milestone milestone, Instant start) {
    Instant due = due(order, milestone, start);
    if (due == null) {
      throw new IllegalStateException(DECISION + " gives no " + milestone + " limit for channel "
          + order.getVariable(CHANNEL) + ", construction mode " + order.getVariable(CONSTRUCTION_MODE));
    }
    return due;
  }

  /** The first year without a holiday schedule the milestone's working-time deadline runs into (docs/calendar.md). */
  public OptionalInt unscheduledYear(VariableScope order, Milestone milestone, Instant start, Instant due) {
    Map<String, Object> row = row(order, milestone);
    return row == null ? OptionalInt.empty() : calendar.unscheduledYearOf(start, due, timeMode(row));
  }

  /** How the milestone's limit is counted (WORKING, NATURAL), or null without a row. */
  public String timeModeOf(VariableScope order, Milestone milestone) {
    Map<String, Object> row = row(order, milestone);
    return row == null ? null : timeMode(row).name();
  }

  /** The installation row's liquidated damages per day late (null: none). */
  public Double damagesRatePerDay(VariableScope order) {
    Map<String, Object> row = row(order, Milestone.INSTALLATION);
    return row == null || row.get("damagesRatePerDay") == null ? null
        : ((Number) row.get("damagesRatePerDay")).doubleValue();
  }

  /**
   * The decision's rows hold each milestone once: of two rows for one milestone the first would silently
   * stay in force, so the order is refused with the table's name.
   */
  public void requireOneRowPerMilestone(VariableScope order) {
    Set<Object> seen = new HashSet<>();
    for (Map<String, Object> row : rows(order)) {
      if (!seen.add(row.get("milestone"))) {
        throw new IllegalStateException(DECISION + " has two rules for " + row.get("milestone") + " (channel "
            + order.getVariable(CHANNEL) + ", construction mode " + order.getVariable(CONSTRUCTION_MODE)
            + "); keep one");
      }
    }
  }

  private Map<String, Object> row(VariableScope order, Milestone milestone) {
    return rows(order).stream().filter(r -> milestone.name().equals(r.get("milestone"))).findFirst().orElse(null);
  }

  /**
   * The rows Task_DetermineTimeLimits mapped. An order accepted before the model had that task has no
   * {@code timeLimits}: for it, and only for it, the table is read here with the order's inputs, as the
   * model would have read it.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(VariableScope order) {
    Object rows = order.getVariable(TIME_LIMITS);
    if (rows != null) {
      return (List<Map<String, Object>>) rows;
    }
    return RulesAccess.evaluate(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue(CHANNEL, order.getVariable(CHANNEL))
            .putValue(CONSTRUCTION_MODE, order.getVariable(CONSTRUCTION_MODE)))
        .evaluate()).getResultList();
  }

  private static TimeMode timeMode(Map<String, Object> row) {
    return TimeMode.of((String) row.get("timeMode"));
  }
}
