package com.serviceloop.kpi;

import static com.serviceloop.api.QueryParameters.month;
import static com.serviceloop.api.QueryParameters.monthSpan;
import static com.serviceloop.api.QueryParameters.wholeNumber;
import static com.serviceloop.security.ServiceLoopGroups.*;

import com.serviceloop.api.Exports;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.calendar.HolidayScheduleStatus;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service department's dashboard (/kpi): GET /api/dashboard/at-risk, /aging, /workload, /breaches, and the
 * KPI figures as downloads (/kpis, /kpi-trend, /kpis/{id}/orders). Every figure as JSON, CSV (format=csv or
 * Accept: text/csv) or Excel (format=xlsx). Times in the operator's zone (+08:00). Readers: service supervision,
 * the escalation levels, the four departments and auditors; others 403. No personal data in any of it.
 */
@RestController
@RequestMapping("/api/dashboard")
@RequiredArgsConstructor
public class DashboardController {

  static final String[] READERS = {SERVICE_SUPERVISION, SHIFT_LEAD, DEPARTMENT_MANAGER, GENERAL_MANAGER,
      DEPT_NETWORK_ASSURANCE, DEPT_BUSINESS_MANAGEMENT, DEPT_CHANNEL_SERVICE, DEPT_SYSTEM_SUPPORT, AUDITORS};
  static final int MAX_WARN_HOURS = 72;
  static final int MAX_MONTHS = 24;

  private final DashboardService dashboard;
  private final KpiService kpis;
  private final KpiProperties properties;
  private final ApiCaller caller;
  private final HolidayScheduleStatus holidaySchedules;

  @GetMapping("/at-risk")
  public ResponseEntity<?> atRisk(@RequestParam(required = false) String region,
      @RequestParam(required = false) String withinHours, @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    requireReader();
    List<FieldError> errors = new ArrayList<>();
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    int hours = wholeNumber("withinHours", withinHours, DashboardService.DEFAULT_WARN_HOURS, 0, MAX_WARN_HOURS,
        "hours", errors);
    InvalidInputException.throwIfAny(errors);
    DashboardService.AtRiskReport report = dashboard.atRisk(WorkOrderRepository.now(), hours, blank(region));
    List<Map<String, Object>> orders = report.orders().stream().map(this::json).toList();
    if (wanted == Exports.Format.JSON) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("now", iso(report.now()));
      body.put("withinHours", report.warnHours());
      body.put("groups", DashboardService.perGroup(report.orders()));
      body.put("orders", orders);
      body.put("truncated", report.truncated());
      // from 1 November: next year's holiday schedule is missing (docs/calendar.md)
      List<Map<String, Object>> missing = holidaySchedules.missing(report.now()).stream().map(m -> {
        Map<String, Object> warning = new LinkedHashMap<>();
        warning.put("year", m.year());
        warning.put("since", m.since().toString());
        warning.put("message", m.message());
        return warning;
      }).toList();
      if (!missing.isEmpty()) {
        body.put("calendarWarnings", missing);
      }
      return ResponseEntity.ok(body);
    }
    List<String> header = List.of("orderNo", "type", "category", "region", "group", "state", "deadline", "due",
        "minutesLeft", "task", "taskUrl");
    return Exports.table(wanted, "orders-at-risk", "at risk", header, orders.stream().map(o -> {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> tasks = (List<Map<String, Object>>) o.get("tasks");
      Map<String, Object> first = tasks.isEmpty() ? Map.of() : tasks.get(0);
      return List.<Object>of(o.get("orderNo"), o.get("type"), nz(o.get("category")), nz(o.get("region")),
          o.get("group"), o.get("state"), o.get("deadline"), o.get("due"), o.get("minutesLeft"),
          nz(first.get("name")), nz(first.get("url")));
    }).toList());
  }

  @GetMapping("/aging")
  public ResponseEntity<?> aging(@RequestParam(required = false) String region,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    requireReader();
    Exports.Format wanted = Exports.Format.of(format, accept); // its only parameter to check
    Instant now = WorkOrderRepository.now();
    List<Map<String, Object>> rows = dashboard.aging(now, blank(region));
    List<String> header = new ArrayList<>(List.of("type"));
    header.addAll(DashboardService.AGE_BUCKETS);
    header.add("total");
    if (wanted == Exports.Format.JSON) {
      return ResponseEntity.ok(Map.of("now", iso(now), "buckets", DashboardService.AGE_BUCKETS, "rows", rows));
    }
    return Exports.table(wanted, "open-orders-aging", "aging", header, table(header, rows));
  }

  @GetMapping("/workload")
  public ResponseEntity<?> workload(@RequestParam(required = false) String by,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    requireReader();
    List<FieldError> errors = new ArrayList<>();
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    String view = by == null || by.isBlank() ? null : by.trim();
    if (view != null && !view.equals("group") && !view.equals("installer")) {
      errors.add(new FieldError("by", "group or installer, not '" + by + "'"));
    }
    if (wanted != Exports.Format.JSON && view == null) {
      errors.add(new FieldError("by", "required for a download: group or installer"));
    }
    InvalidInputException.throwIfAny(errors);
    Instant now = WorkOrderRepository.now();
    if (wanted == Exports.Format.JSON) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("now", iso(now));
      if (view == null || view.equals("group")) {
        body.put("groups", dashboard.workloadPerGroup(now));
      }
      if (view == null || view.equals("installer")) {
        body.put("installers", dashboard.workloadPerInstaller(now));
      }
      return ResponseEntity.ok(body);
    }
    if (view.equals("group")) {
      List<String> header = List.of("group", "name", "open", "overdue", "unassigned");
      return Exports.table(wanted, "workload-groups", "workload", header, table(header, dashboard.workloadPerGroup(now)));
    }
    List<String> header = List.of("installer", "group", "open", "overdue");
    return Exports.table(wanted, "workload-installers", "workload", header,
        table(header, dashboard.workloadPerInstaller(now)));
  }

  @GetMapping("/breaches")
  public ResponseEntity<?> breaches(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    requireReader();
    List<FieldError> errors = new ArrayList<>();
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    YearMonth current = YearMonth.from(WorkOrderRepository.now().atZone(zone()));
    YearMonth last = month("to", to, current, errors);
    YearMonth first = month("from", from, last == null ? current.minusMonths(11) : last.minusMonths(11), errors);
    monthSpan(first, last, MAX_MONTHS, errors);
    InvalidInputException.throwIfAny(errors);
    Map<String, Object> trend = dashboard.breachTrend(first, last, blank(region));
    if (wanted == Exports.Format.JSON) {
      return ResponseEntity.ok(trend);
    }
    @SuppressWarnings("unchecked")
    List<String> months = (List<String>) trend.get("months");
    List<String> header = new ArrayList<>(List.of("reason"));
    header.addAll(months);
    List<List<Object>> rows = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reasons = (List<Map<String, Object>>) trend.get("reasons");
    for (Map<String, Object> reason : reasons) {
      List<Object> row = new ArrayList<>(List.of(reason.get("reason")));
      row.addAll((List<?>) reason.get("counts"));
      rows.add(row);
    }
    List<Object> total = new ArrayList<>(List.of("total"));
    total.addAll((List<?>) trend.get("total"));
    rows.add(total);
    return Exports.table(wanted, "breaches-" + first + "-" + last, "breaches", header, rows);
  }

  /**
   * The KPI table of the period as a download, or with groupBy (region, channel, category, month) one row per
   * group and KPI: the same figures as GET /api/kpis[?groupBy=], which is their JSON. The dashboard's by-region
   * chart downloads as groupBy=region.
   */
  @GetMapping("/kpis")
  public ResponseEntity<?> kpiTable(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    List<FieldError> errors = new ArrayList<>();
    KpiGrouping grouping = null;
    if (groupBy != null && !groupBy.isBlank()) {
      grouping = KpiGrouping.byName(groupBy.trim()).orElse(null);
      if (grouping == null) {
        errors.add(new FieldError("groupBy",
            "one of " + Arrays.toString(KpiGrouping.values()) + ", not '" + groupBy + "'"));
      }
    }
    KpiDownload download = kpiDownload(from, to, region, format, accept, errors);
    KpiPeriod period = download.period();
    if (grouping == null) {
      List<String> header = List.of("from", "to", "region", "id", "name", "unit", "value", "numerator",
          "denominator", "target", "met");
      List<List<Object>> rows = kpis.report(period, download.region()).stream()
          .map(k -> kpiRow(List.of(period.from().toString(), period.to().toString(), nz(download.region())), k))
          .toList();
      return Exports.table(download.format(), "kpis-" + period.from() + "-" + period.to(), "KPIs", header, rows);
    }
    return kpiBreakdown(download, grouping);
  }

  /** The monthly trend of every KPI (GET /api/kpis?groupBy=month) as a download: /kpis?groupBy=month. */
  @GetMapping("/kpi-trend")
  public ResponseEntity<?> kpiTrend(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    return kpiBreakdown(kpiDownload(from, to, region, format, accept, new ArrayList<>()), KpiGrouping.month);
  }

  /** The work orders behind a KPI (GET /api/kpis/{id}/orders) as a download. */
  @GetMapping("/kpis/{id}/orders")
  public ResponseEntity<?> kpiOrders(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    List<FieldError> errors = new ArrayList<>();
    Kpi kpi = Kpi.byId(id).orElse(null);
    if (kpi == null) {
      errors.add(new FieldError("id", "no KPI '" + id + "'"));
    }
    KpiDownload download = kpiDownload(from, to, region, format, accept, errors);
    KpiPeriod period = download.period();
    List<String> header = List.of("orderNo", "orderType", "category", "channel", "region", "receivedAt", "closedAt",
        "numeratorValue");
    List<List<Object>> rows = kpis.orders(kpi, period, download.region(), properties.getOrdersLimit()).stream()
        .map(o -> List.<Object>of(o.orderNo(), o.orderType(), nz(o.category()), nz(o.channel()), nz(o.region()),
            nz(iso(o.receivedAt())), nz(iso(o.closedAt())), o.numeratorValue() == null ? "" : o.numeratorValue()))
        .toList();
    return Exports.table(download.format(), kpi.id() + "-orders-" + period.from() + "-" + period.to(), "orders",
        header, rows);
  }

  /** What every KPI download has checked: its reader, a download format, the period, the region filter. */
  private record KpiDownload(Exports.Format format, KpiPeriod period, String region) {}

  /** Checks the caller and the KPI download's parameters (plus the errors found before); 400 or 403 else. */
  private KpiDownload kpiDownload(String from, String to, String region, String format, String accept,
      List<FieldError> errors) {
    caller.requireGroup("export the KPIs", READERS);
    Exports.Format wanted = download(format, accept, errors);
    KpiPeriod period = period(from, to, errors);
    InvalidInputException.throwIfAny(errors);
    return new KpiDownload(wanted, period, blank(region));
  }

  /** One row per group and KPI, the group's key first (the column is named after the grouping). */
  private ResponseEntity<byte[]> kpiBreakdown(KpiDownload download, KpiGrouping grouping) {
    KpiPeriod period = download.period();
    List<String> header = List.of(grouping.name(), "id", "name", "unit", "value", "numerator", "denominator",
        "target", "met");
    List<List<Object>> rows = new ArrayList<>();
    for (KpiGroup group : kpis.breakdown(period, download.region(), grouping)) {
      for (KpiResult k : group.kpis()) {
        rows.add(kpiRow(List.of(group.key()), k));
      }
    }
    String name = grouping == KpiGrouping.month ? "kpi-trend-" : "kpis-by-" + grouping.name() + "-";
    String sheet = grouping == KpiGrouping.month ? "KPI trend" : "KPIs by " + grouping.name();
    return Exports.table(download.format(), name + period.from() + "-" + period.to(), sheet, header, rows);
  }

  private List<Object> kpiRow(List<Object> leading, KpiResult k) {
    List<Object> row = new ArrayList<>(leading);
    row.add(k.id());
    row.add(k.name());
    row.add(k.unit());
    row.add(nz(k.value()));
    row.add(nz(k.numerator()));
    row.add(nz(k.denominator()));
    row.add(k.target() == null ? "" : k.targetOperator() + " " + k.target().toPlainString());
    row.add(k.met() == null ? "" : k.met());
    return row;
  }

  private Map<String, Object> json(DashboardService.AtRisk order) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("orderNo", order.orderNo());
    row.put("type", order.type());
    put(row, "category", order.category());
    put(row, "region", order.region());
    row.put("group", order.group());
    row.put("state", order.state());
    row.put("deadline", order.deadline());
    row.put("due", iso(order.due()));
    row.put("minutesLeft", order.minutesLeft());
    row.put("tasks", order.tasks().stream().map(t -> {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("id", t.id());
      task.put("name", t.name());
      put(task, "group", t.group());
      put(task, "assignee", t.assignee());
      put(task, "due", iso(t.due()));
      task.put("url", t.url());
      return task;
    }).toList());
    row.put("page", "/kpi/history.html?order=" + order.orderNo());
    return row;
  }

  private static List<List<Object>> table(List<String> header, List<Map<String, Object>> rows) {
    Function<Map<String, Object>, List<Object>> toRow = r -> header.stream().map(h -> nz(r.get(h))).toList();
    return rows.stream().map(toRow).toList();
  }

  /** A download endpoint: CSV or Excel only (the JSON of these figures is /api/kpis). */
  private static Exports.Format download(String format, String accept, List<FieldError> errors) {
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    if (wanted == Exports.Format.JSON && errors.isEmpty()) {
      errors.add(new FieldError("format", "csv or xlsx (the JSON is GET /api/kpis)"));
    }
    return wanted;
  }

  private KpiPeriod period(String from, String to, List<FieldError> errors) {
    return KpiPeriod.parse(from, to, zone(), errors);
  }

  private String iso(Instant instant) {
    return instant == null ? null : instant.atZone(zone()).toOffsetDateTime().toString();
  }

  /** 403 for a caller outside {@link #READERS}. */
  private void requireReader() {
    caller.requireGroup("read the service dashboard", READERS);
  }

  /** The operator's zone (+08:00), which the figures' times and periods are in. */
  private ZoneId zone() {
    return dashboard.zone();
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static Object nz(Object value) {
    return value == null ? "" : value instanceof BigDecimal number ? KpiService.normal(number) : value;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
