package com.serviceloop.review;

import com.serviceloop.common.SqlTimestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.kpi.KpiPeriod;
import com.serviceloop.kpi.KpiResult;
import com.serviceloop.kpi.KpiService;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monthly service-quality review (服务质量分析会) without Camunda: when it is held, last month's
 * KPIs as a summary, the hot issues (top complaint categories, top root causes, each KPI that missed
 * its target), and the actions decided for them.
 */
@Service
@RequiredArgsConstructor
public class MonthlyReviewService {

  private final KpiService kpis;
  private final WorkingTimeCalendar calendar;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  /** The month before the one {@code now} is in (Beijing time). */
  public YearMonth reportMonth(Instant now) {
    return YearMonth.from(now.atZone(calendar.zone())).minusMonths(1);
  }

  /** {@code time} on the first working day of the month {@code now} is in: when the review starts. */
  public Instant reviewAt(Instant now, LocalTime time) {
    YearMonth month = YearMonth.from(now.atZone(calendar.zone()));
    return calendar.firstWorkingDayOf(month).atTime(time).atZone(calendar.zone()).toInstant();
  }

  /**
   * When the review of {@code month} starts: {@code time} on the first working day of the month after it,
   * or now when that is past (a month reviewed late, by request or after the application was down).
   */
  public Instant reviewAt(YearMonth month, Instant now, LocalTime time) {
    Instant scheduled = calendar.firstWorkingDayOf(month.plusMonths(1)).atTime(time).atZone(calendar.zone())
        .toInstant();
    return scheduled.isAfter(now) ? scheduled : now;
  }

  /**
   * A month asked for by service supervision (or the catch-up): YYYY-MM and already over in Beijing time.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public YearMonth requestedMonth(String text, Instant now) {
    YearMonth month;
    try {
      month = YearMonth.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("The month to review must be YYYY-MM, e.g. 2026-11, not '" + text + "'");
    }
    if (!month.isBefore(YearMonth.from(now.atZone(calendar.zone())))) {
      throw new IllegalArgumentException("Only a month that is over can be reviewed, not " + month);
    }
    return month;
  }

  /** The review task is due {@code limit} (working time) after the review starts. */
  public Instant reviewDue(Instant reviewAt, String limit) {
    return calendar.due(reviewAt, limit, WorkingTimeCalendar.TimeMode.WORKING);
  }

  public List<KpiResult> kpisOf(YearMonth month) {
    return kpis.report(KpiPeriod.month(month, calendar.zone()), null);
  }

  /** One line per KPI: "工单处理及时率 Timely handling rate: 0.95 (目标 target >= 0.96) ✗". */
  public String summary(List<KpiResult> results) {
    StringBuilder text = new StringBuilder();
    for (KpiResult kpi : results) {
      text.append(kpi.name()).append(": ")
          .append(kpi.noDenominator() ? "— (无分母 no denominator)" : kpi.value().toPlainString());
      if (kpi.target() != null) {
        text.append(" (目标 target ").append(kpi.targetOperator()).append(' ')
            .append(kpi.target().toPlainString()).append(')');
      }
      if (Boolean.FALSE.equals(kpi.met())) {
        text.append(" 未达标 MISSED");
      }
      text.append('\n');
    }
    return text.toString();
  }

  public static long missed(List<KpiResult> results) {
    return results.stream().filter(k -> Boolean.FALSE.equals(k.met())).count();
  }

  /** One hot-issue line per KPI that missed its target. */
  public static List<String> missedKpiIssues(List<KpiResult> results) {
    List<String> issues = new ArrayList<>();
    for (KpiResult kpi : results) {
      if (Boolean.FALSE.equals(kpi.met())) {
        issues.add("指标未达标 KPI missed " + kpi.name() + ": " + kpi.value().toPlainString()
            + " (目标 target " + kpi.targetOperator() + " " + kpi.target().toPlainString() + ")");
      }
    }
    return issues;
  }

  /**
   * The hot issues of the month, each as a line for the review form: the {@code top} most frequent complaint
   * categories and root causes (the model's hotIssueTop), then the missed KPIs (as {@link #missedKpiIssues}
   * listed them when the KPIs were computed).
   */
  public List<String> hotIssues(YearMonth month, int top, List<String> missedKpiIssues) {
    if (top < 1) {
      throw new IllegalArgumentException("The review lists at least one top category and root cause, not " + top);
    }
    KpiPeriod period = KpiPeriod.month(month, calendar.zone());
    List<String> issues = new ArrayList<>();
    jdbc.query("""
        SELECT w.category, COUNT(*) FROM sl_work_order w
        WHERE w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ? AND w.category IS NOT NULL
        GROUP BY w.category ORDER BY COUNT(*) DESC, w.category LIMIT ?""",
        rs -> {
          issues.add("投诉热点 Top complaint category " + rs.getString(1) + ": " + rs.getLong(2));
        }, SqlTimestamps.ts(period.start()), SqlTimestamps.ts(period.end()), top);
    jdbc.query("""
        SELECT w.root_cause, COUNT(*) FROM sl_work_order w
        WHERE w.closed_at >= ? AND w.closed_at < ? AND w.root_cause IS NOT NULL
        GROUP BY w.root_cause ORDER BY COUNT(*) DESC, w.root_cause LIMIT ?""",
        rs -> {
          issues.add("主要根因 Top root cause " + rs.getString(1) + ": " + rs.getLong(2));
        }, SqlTimestamps.ts(period.start()), SqlTimestamps.ts(period.end()), top);
    issues.addAll(missedKpiIssues);
    return issues;
  }

  /** The review form's list, prefilled with the hot issues (department, person, deadline to fill in). */
  public String actionListJson(List<String> hotIssues) {
    ArrayNode list = json.createArrayNode();
    for (String issue : hotIssues) {
      ObjectNode item = list.addObject();
      item.put("issue", issue);
      item.put("hardest", false);
    }
    return list.toString();
  }

  /**
   * The actions as submitted by the review form (a JSON list), checked: every action needs an issue, one of
   * the responsible departments (the model's responsibleDepartments), a person and a deadline.
   *
   * @throws IllegalArgumentException naming the first action that is incomplete or goes to another department
   */
  public List<ReviewAction> checkedActions(Object submitted, Collection<String> departments) {
    if (departments == null || departments.isEmpty()) {
      throw new IllegalArgumentException("No responsible departments to give the review's actions to");
    }
    List<ReviewAction> actions = actions(submitted);
    for (int n = 1; n <= actions.size(); n++) {
      String department = actions.get(n - 1).department();
      if (!departments.contains(department)) {
        throw new IllegalArgumentException("Action " + n + ": no responsible department " + department
            + " (one of " + String.join(", ", departments) + ")");
      }
    }
    return actions;
  }

  /**
   * The actions as submitted by the review form (a JSON list); every action needs an issue, a department, a
   * person and a deadline. Which departments may take one is {@link #checkedActions}' question.
   *
   * @throws IllegalArgumentException naming the first action that is incomplete
   */
  public List<ReviewAction> actions(Object submitted) {
    List<ReviewAction> actions = new ArrayList<>();
    JsonNode list;
    try {
      if (submitted == null) {
        list = json.createArrayNode();
      } else if (submitted instanceof java.util.Collection<?> || submitted instanceof java.util.Map<?, ?>) {
        list = json.valueToTree(submitted);
      } else {
        list = json.readTree(submitted.toString()); // a JSON string, or Spin's JSON node
      }
    } catch (Exception e) {
      throw new IllegalArgumentException("The review's actions are not a JSON list: " + e.getMessage(), e);
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("The review's actions are not a list");
    }
    int n = 0;
    for (JsonNode item : list) {
      n++;
      String issue = text(item, "issue");
      String department = text(item, "department");
      String person = text(item, "person");
      String deadline = text(item, "deadline");
      if (issue == null || department == null || person == null || deadline == null) {
        throw new IllegalArgumentException("Action " + n + ": issue, department, person and deadline are required");
      }
      actions.add(new ReviewAction(issue, department, person, calendar.toInstant(deadline),
          item.path("hardest").asBoolean(false)));
    }
    return actions;
  }

  private static String text(JsonNode item, String field) {
    JsonNode value = item.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }
}
