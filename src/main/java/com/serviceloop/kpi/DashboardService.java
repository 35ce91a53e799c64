package com.serviceloop.kpi;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.common.EngineCaller;

import com.serviceloop.security.ServiceLoopGroups;
import com.serviceloop.workorder.PendingDeadline;
import com.serviceloop.workorder.WorkOrderView;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a service department runs on, now: the open orders that breached a deadline or will within hours (per
 * group, with their tasks), the age of the open orders, the open tasks per group and per installer, the breaches
 * per month. Facts from sl_work_order / sl_breach in SQL; who holds an order's work from the engine's open tasks.
 */
@Service
@RequiredArgsConstructor
public class DashboardService {

  /** Open orders with a deadline due before this many hours from now are at risk; past it, breached. */
  public static final int DEFAULT_WARN_HOURS = 4;
  static final int AT_RISK_LIMIT = 1000;
  /** Age buckets of open orders: upper bounds in days, the last open-ended. */
  static final int[] AGE_DAYS = {1, 3, 7, 30};
  public static final List<String> AGE_BUCKETS = List.of("<1d", "1-3d", "3-7d", "7-30d", ">30d");
  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
  static final List<String> INSTALLER_GROUPS = List.of(ServiceLoopGroups.INSTALLERS_OWN,
      ServiceLoopGroups.INSTALLERS_OUTSOURCED, ServiceLoopGroups.INSTALLERS_PARTNER);

  /** Milestone deadline → the column that meets it (as PendingDeadline reads them). */
  private static final String PENDING = """
      (w.first_contact_at IS NULL AND w.first_contact_due < ?)
      OR (w.extracted_at IS NULL AND w.extraction_due < ?)
      OR (w.appointment_booked_at IS NULL AND w.appointment_due < ?)
      OR (w.completed_at IS NULL AND w.completion_due < ?)
      OR (w.completed_at IS NULL AND w.installation_due < ?)
      OR w.closure_due < ?""";

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final IdentityService identity;
  private final WorkOrderView view;

  public ZoneId zone() {
    return view.zone();
  }

  /** An open order whose next deadline is past (BREACHED) or within the warning window (AT_RISK). */
  public record AtRisk(String orderNo, String type, String category, String region, String state,
      String deadline, Instant due, long minutesLeft, String group, List<OpenTask> tasks) {}

  /** An open user task of an order: who holds it (candidate group, assignee) and its Tasklist link. */
  public record OpenTask(String id, String name, String group, String assignee, Instant due, String url) {}

  public record AtRiskReport(Instant now, int warnHours, List<AtRisk> orders, boolean truncated) {}

  public AtRiskReport atRisk(Instant now, int warnHours, String region) {
    Instant soon = now.plus(Duration.ofHours(warnHours));
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      params.add(ts(soon));
    }
    String regionFilter = regionFilter(region, params);
    params.add(AT_RISK_LIMIT + 1);
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT w.* FROM sl_work_order w WHERE w.closed_at IS NULL AND ("
        + PENDING + ")" + regionFilter + " ORDER BY w.received_at, w.id LIMIT ?", params.toArray());
    boolean truncated = rows.size() > AT_RISK_LIMIT;
    if (truncated) {
      rows = rows.subList(0, AT_RISK_LIMIT);
    }
    Map<String, List<OpenTask>> byInstance = openTasks(rows.stream()
        .map(r -> (String) r.get("process_instance_id")).filter(id -> id != null).distinct().toList());
    List<AtRisk> orders = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      PendingDeadline next = PendingDeadline.of(row).orElse(null);
      if (next == null) {
        continue;
      }
      List<OpenTask> open = byInstance.getOrDefault((String) row.get("process_instance_id"), List.of());
      String group = open.stream().map(OpenTask::group).filter(g -> g != null).findFirst()
          .orElse(row.get("responsible_group") == null ? KpiService.UNKNOWN_GROUP : (String) row.get("responsible_group"));
      orders.add(new AtRisk((String) row.get("order_no"), (String) row.get("order_type"),
          row.get("category") != null ? (String) row.get("category") : (String) row.get("service"),
          (String) row.get("region"), next.overdueAt(now) ? "BREACHED" : "AT_RISK", next.name(), next.due(),
          Duration.between(now, next.due()).toMinutes(), group, open));
    }
    orders.sort(Comparator.comparing(AtRisk::due).thenComparing(AtRisk::orderNo));
    return new AtRiskReport(now, warnHours, orders, truncated);
  }

  /** Per group: how many of the at-risk orders are breached and at risk, groups in name order. */
  public static List<Map<String, Object>> perGroup(List<AtRisk> orders) {
    Map<String, long[]> counts = new TreeMap<>();
    for (AtRisk order : orders) {
      long[] c = counts.computeIfAbsent(order.group(), g -> new long[2]);
      c["BREACHED".equals(order.state()) ? 0 : 1]++;
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    counts.forEach((group, c) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", group);
      row.put("breached", c[0]);
      row.put("atRisk", c[1]);
      groups.add(row);
    });
    return groups;
  }

  /** Open orders per type and age bucket (days since received, Beijing time does not matter for ages). */
  public List<Map<String, Object>> aging(Instant now, String region) {
    StringBuilder bucket = new StringBuilder("CASE");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < AGE_DAYS.length; i++) {
      bucket.append(" WHEN w.received_at > ? THEN ").append(i);
      params.add(ts(now.minus(Duration.ofDays(AGE_DAYS[i]))));
    }
    bucket.append(" ELSE ").append(AGE_DAYS.length).append(" END");
    String regionFilter = regionFilter(region, params);
    Map<String, long[]> byType = new TreeMap<>();
    // the bucket in a derived table: PostgreSQL does not see two parameterised CASEs as one GROUP BY expression
    jdbc.query("SELECT t.order_type, t.bucket, COUNT(*) FROM (SELECT w.order_type, " + bucket + " AS bucket"
        + " FROM sl_work_order w WHERE w.closed_at IS NULL" + regionFilter + ") t GROUP BY t.order_type, t.bucket",
        rs -> {
          byType.computeIfAbsent(rs.getString(1), t -> new long[AGE_BUCKETS.size()])[rs.getInt(2)] += rs.getLong(3);
        }, params.toArray());
    List<Map<String, Object>> rows = new ArrayList<>();
    byType.forEach((type, counts) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", type);
      long total = 0;
      for (int i = 0; i < counts.length; i++) {
        row.put(AGE_BUCKETS.get(i), counts[i]);
        total += counts[i];
      }
      row.put("total", total);
      rows.add(row);
    });
    return rows;
  }

  /** Open tasks per staff group (candidate group, claimed ones included): open, overdue, unassigned. */
  public List<Map<String, Object>> workloadPerGroup(Instant now) {
    return privileged(() -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ServiceLoopGroups.GroupDefinition group : ServiceLoopGroups.ALL) {
        if (!group.staff()) {
          continue;
        }
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks().active()
            .list();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", group.id());
        row.put("name", group.name());
        row.put("open", open.size());
        row.put("overdue", open.stream().filter(t -> t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now))
            .count());
        row.put("unassigned", open.stream().filter(t -> t.getAssignee() == null).count());
        rows.add(row);
      }
      return rows;
    });
  }

  /** Open tasks of the installers' queues per assignee ("(unassigned)" for the queue itself). */
  public List<Map<String, Object>> workloadPerInstaller(Instant now) {
    return privileged(() -> {
      Map<String, long[]> byAssignee = new TreeMap<>();
      Map<String, String> groupOf = new HashMap<>();
      for (String group : INSTALLER_GROUPS) {
        for (Task task : tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().active().list()) {
          String who = task.getAssignee() == null ? "(unassigned) " + group : task.getAssignee();
          long[] c = byAssignee.computeIfAbsent(who, a -> new long[2]);
          c[0]++;
          if (task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now)) {
            c[1]++;
          }
          groupOf.putIfAbsent(who, group);
        }
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      byAssignee.forEach((who, c) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("installer", who);
        row.put("group", groupOf.get(who));
        row.put("open", c[0]);
        row.put("overdue", c[1]);
        rows.add(row);
      });
      return rows;
    });
  }

  /** Breaches per month (Beijing time) and reason, in one query over the months' boundaries. */
  public Map<String, Object> breachTrend(YearMonth first, YearMonth last, String region) {
    List<String> months = new ArrayList<>();
    StringBuilder bucket = new StringBuilder("CASE");
    List<Object> params = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
      bucket.append(" WHEN b.detected_at < ? THEN '").append(m).append('\'');
      params.add(ts(m.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant()));
    }
    bucket.append(" END");
    List<Object> all = new ArrayList<>(params);
    all.add(ts(first.atDay(1).atStartOfDay(zone()).toInstant()));
    all.add(ts(last.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant()));
    String regionFilter = regionFilter(region, all);
    Map<String, long[]> byReason = new TreeMap<>();
    // (MONTH is a keyword in H2)
    jdbc.query("SELECT t.reason, t.bucket_month, COUNT(*) FROM (SELECT b.reason, " + bucket + " AS bucket_month FROM sl_breach b"
        + " JOIN sl_work_order w ON w.id = b.work_order_id"
        + " WHERE b.detected_at >= ? AND b.detected_at < ?" + regionFilter + ") t GROUP BY t.reason, t.bucket_month", rs -> {
          byReason.computeIfAbsent(rs.getString(1), r -> new long[months.size()])[months.indexOf(rs.getString(2))]
              += rs.getLong(3);
        }, all.toArray());
    List<Map<String, Object>> reasons = new ArrayList<>();
    long[] total = new long[months.size()];
    byReason.forEach((reason, counts) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reason", reason);
      List<Long> list = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        list.add(counts[i]);
        total[i] += counts[i];
      }
      row.put("counts", list);
      reasons.add(row);
    });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("months", months);
    body.put("reasons", reasons);
    List<Long> totals = new ArrayList<>();
    for (long t : total) {
      totals.add(t);
    }
    body.put("total", totals);
    return body;
  }

  /**
   * Runs a task query without the caller's authorizations. The dashboard's readers are checked up front
   * (ApiCaller); the answer carries task names, groups, assignees and due dates only — no variables — and the
   * Tasklist link checks the user's own permissions again. Without this a supervisor would see the tasks of
   * their own group only, and the per-group figures would depend on who looks.
   */
  /** " AND w.region = ?" with its parameter for a region, "" for all regions. */
  private static String regionFilter(String region, List<Object> params) {
    if (region == null) {
      return "";
    }
    params.add(region);
    return " AND w.region = ?";
  }

  private <T> T privileged(Supplier<T> query) {
    return EngineCaller.withoutAuthentication(identity, query);
  }

  private Map<String, List<OpenTask>> openTasks(List<String> processInstanceIds) {
    Map<String, List<OpenTask>> byInstance = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return byInstance;
    }
    return privileged(() -> {
      Map<String, String> groupOfTask = new HashMap<>();
      for (ServiceLoopGroups.GroupDefinition group : ServiceLoopGroups.ALL) {
        if (!group.staff()) {
          continue;
        }
        for (Task task : tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks()
            .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list()) {
          groupOfTask.putIfAbsent(task.getId(), group.id());
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
          .active().list()) {
        byInstance.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(new OpenTask(
            task.getId(), task.getName(), groupOfTask.get(task.getId()), task.getAssignee(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant(), TASKLIST_TASK + task.getId()));
      }
      return byInstance;
    });
  }
}
