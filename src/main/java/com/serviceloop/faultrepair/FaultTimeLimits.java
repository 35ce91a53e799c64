package com.serviceloop.faultrepair;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.RulesAccess;
import java.time.Instant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** dmn/fault-repair-time-limit.dmn decides the limits; the working-time calendar computes the deadlines. */
@Component
@RequiredArgsConstructor
public class FaultTimeLimits {

  public static final String DECISION = "fault-repair-time-limit";

  /** What the decision says for one report. */
  public record Limits(String firstContactLimit, TimeMode firstContactTimeMode, String repairLimit,
      TimeMode repairTimeMode, int priority, String contactGroup, String returnOrderLimit, String returnVisitLimit) {}

  private final DecisionService decisions;
  private final WorkingTimeCalendar calendar;

  public Limits limits(String area, String customerSegment) {
    Map<String, Object> row = RulesAccess.evaluate(() -> decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables().putValue("area", area).putValue("customerSegment", customerSegment))
        .evaluate().getFirstResult());
    if (row == null) {
      throw new IllegalStateException(DECISION + " has no rule for area " + area + ", segment " + customerSegment);
    }
    return new Limits((String) row.get("firstContactLimit"), TimeMode.of((String) row.get("firstContactTimeMode")),
        (String) row.get("repairLimit"), TimeMode.of((String) row.get("repairTimeMode")),
        ((Number) row.get("priority")).intValue(), (String) row.get("contactGroup"),
        (String) row.get("returnOrderLimit"), (String) row.get("returnVisitLimit"));
  }

  public Instant due(Instant start, String limit, TimeMode mode) {
    return calendar.due(start, limit, mode);
  }

  /** The first year without a holiday schedule a working-time deadline from start to due runs into. */
  public java.util.OptionalInt unscheduledYear(Instant start, Instant due, TimeMode mode) {
    return calendar.unscheduledYearOf(start, due, mode);
  }
}
