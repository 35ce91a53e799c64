package com.serviceloop.installation;

import com.serviceloop.common.RulesAccess;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The installation deadlines: dmn/installation-time-limit.dmn decides each milestone's limit and time
 * mode (the process owner's rule), the working-time calendar computes the moment.
 */
@Component
public class InstallationTimeLimits {

  public static final String DECISION = "installation-time-limit";

  /** The milestones the decision knows. */
  public enum Milestone {
    EXTRACTION, AUDIT, APPOINTMENT, INSTALLATION, INSTALL_TARGET, RETURN_ORDER, CASH_HANDOVER, PAYMENT_REVIEW,
    RETURN_VISIT
  }

  /** One milestone's rule: its ISO duration, how it is counted and (installation) the damages rate. */
  public record Limit(String limit, TimeMode timeMode, Double damagesRatePerDay) {}

  private final DecisionService decisions;
  private final WorkingTimeCalendar calendar;

  public InstallationTimeLimits(DecisionService decisions, WorkingTimeCalendar calendar) {
    this.decisions = decisions;
    this.calendar = calendar;
  }

  /** Every milestone that applies to an order of this channel and construction mode. */
  public Map<Milestone, Limit> limits(String channel, String constructionMode) {
    DmnDecisionResult result = RulesAccess.evaluate(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("channel", channel).putValue("constructionMode", constructionMode))
        .evaluate());
    Map<Milestone, Limit> limits = new LinkedHashMap<>();
    result.getResultList().forEach(row -> {
      Milestone milestone = Milestone.valueOf((String) row.get("milestone"));
      Limit limit = new Limit((String) row.get("limit"), TimeMode.of((String) row.get("timeMode")),
          row.get("damagesRatePerDay") == null ? null : ((Number) row.get("damagesRatePerDay")).doubleValue());
      if (limits.putIfAbsent(milestone, limit) != null) {
        throw new IllegalStateException(DECISION + " has two rules for " + milestone + " (" + channel + ", "
            + constructionMode + "); keep one");
      }
    });
    return limits;
  }

  public Limit limit(String channel, String constructionMode, Milestone milestone) {
    Limit limit = limits(channel, constructionMode).get(milestone);
    if (limit == null) {
      throw new IllegalStateException(DECISION + " has no rule for " + milestone + " (" + channel + ", "
          + constructionMode + ")");
    }
    return limit;
  }

  /** The deadline of a milestone counted from start, or null when no rule applies to this order. */
  public Instant due(Map<Milestone, Limit> limits, Milestone milestone, Instant start) {
    Limit limit = limits.get(milestone);
    return limit == null ? null : calendar.due(start, limit.limit(), limit.timeMode());
  }

  /** The first year without a holiday schedule the milestone's working-time deadline runs into (docs/calendar.md). */
  public java.util.OptionalInt unscheduledYear(Map<Milestone, Limit> limits, Milestone milestone, Instant start,
      Instant due) {
    Limit limit = limits.get(milestone);
    return limit == null ? java.util.OptionalInt.empty() : calendar.unscheduledYearOf(start, due, limit.timeMode());
  }

  public Instant due(String channel, String constructionMode, Milestone milestone, Instant start) {
    Limit limit = limit(channel, constructionMode, milestone);
    return calendar.due(start, limit.limit(), limit.timeMode());
  }
}
