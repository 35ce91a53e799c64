package com.serviceloop.review;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.workorder.WorkOrderView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The monthly review's own record (V11_2): which review covers which month (one per month, a unique key)
 * and every action with its result, escalation and instruction. Writes run in the caller's transaction —
 * a process step's — so the record never runs ahead of or behind its process.
 */
@Repository
@RequiredArgsConstructor
public class MonthlyReviewRecord {

  public static final String TIMER = "TIMER";
  public static final String CATCH_UP = "CATCH_UP";

  private final JdbcTemplate jdbc;
  private final WorkOrderView view;

  /** The review that covers the month, if any: its process instance id. */
  public Optional<String> reviewOf(YearMonth month) {
    return jdbc.queryForList("SELECT process_instance_id FROM sl_monthly_review WHERE report_month = ?",
        String.class, month.toString()).stream().findFirst();
  }

  /**
   * Claims the month for this review. False when another review already has it; a concurrent claim of the
   * same month (another node) fails on the primary key when its transaction reaches the database.
   */
  public boolean claim(YearMonth month, String processInstanceId, String startedBy, Instant at) {
    if (reviewOf(month).isPresent()) {
      return false;
    }
    jdbc.update("INSERT INTO sl_monthly_review (report_month, process_instance_id, started_by, started_at)"
        + " VALUES (?, ?, ?, ?)", month.toString(), processInstanceId, startedBy, ts(at));
    return true;
  }

  public void openAction(String processInstanceId, YearMonth month, int index, ReviewAction action) {
    jdbc.update("""
        INSERT INTO sl_review_action (process_instance_id, report_month, action_index, issue, department, person,
          deadline, hardest, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""",
        processInstanceId, month.toString(), index, action.issue(), action.department(), action.person(),
        ts(action.deadline()), action.hardest());
  }

  public void recordResult(String processInstanceId, int index, String result, String by, Instant at) {
    update(processInstanceId, index, "status = 'DONE', result = ?, result_by = ?, result_at = ?", result, by, ts(at));
  }

  public void recordEscalation(String processInstanceId, int index, String group, Instant at) {
    update(processInstanceId, index,
        "status = CASE WHEN status = 'DONE' THEN status ELSE 'ESCALATED' END, escalated_to = ?, escalated_at = ?",
        group, ts(at));
  }

  public void recordSupervision(String processInstanceId, int index, String instruction, String by, Instant at) {
    update(processInstanceId, index, "supervision_instruction = ?, supervised_by = ?, supervised_at = ?",
        instruction, by, ts(at));
  }

  /** The reviews of the months (newest first) with their actions in list order, for the API. */
  public List<Map<String, Object>> reviews(YearMonth from, YearMonth to) {
    List<Map<String, Object>> reviews = jdbc.query("""
        SELECT report_month, process_instance_id, started_by, started_at FROM sl_monthly_review
        WHERE report_month >= ? AND report_month <= ? ORDER BY report_month DESC""", (rs, i) -> {
      Map<String, Object> review = new LinkedHashMap<>();
      review.put("month", rs.getString(1));
      review.put("processInstanceId", rs.getString(2));
      review.put("startedBy", rs.getString(3));
      review.put("startedAt", view.iso(rs.getObject(4, OffsetDateTime.class)));
      return review;
    }, from.toString(), to.toString());
    for (Map<String, Object> review : reviews) {
      review.put("actions", actions((String) review.get("processInstanceId")));
    }
    return reviews;
  }

  public List<Map<String, Object>> actions(String processInstanceId) {
    return jdbc.queryForList("SELECT * FROM sl_review_action WHERE process_instance_id = ? ORDER BY action_index",
        processInstanceId).stream().map(row -> {
          Map<String, Object> action = view.columns(row, true);
          action.remove("processInstanceId");
          action.remove("reportMonth");
          return action;
        }).toList();
  }

  private void update(String processInstanceId, int index, String assignments, Object... args) {
    Object[] all = new Object[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = processInstanceId;
    all[args.length + 1] = index;
    if (jdbc.update("UPDATE sl_review_action SET " + assignments
        + " WHERE process_instance_id = ? AND action_index = ?", all) != 1) {
      throw new IllegalStateException("No review action " + index + " of review " + processInstanceId);
    }
  }
}
