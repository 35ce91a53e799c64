package com.serviceloop.workorder;

import com.serviceloop.common.SqlTimestamps;
import com.serviceloop.common.PhoneNumbers;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.api.QueryParameters;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/work-orders?customerPhone=13800138000[&amp;days=90]: what is open for this number, and what was
 * closed in the last days — the first question of an agent when a customer calls. Complaints,
 * installations and fault repairs alike, newest first, each with its next deadline and where to look
 * further. Only the groups that serve customers ({@link LookupAccess#CUSTOMER_SERVICE}); others 403.
 */
@RestController
public class CustomerOrdersController {

  private static final String ALL_TYPES = java.util.Arrays.stream(OrderType.values())
      .map(type -> "'" + type.name() + "'").collect(java.util.stream.Collectors.joining(", "));

  static final int MAX_DAYS = 366;
  static final int LIMIT = 100;

  private final JdbcTemplate jdbc;
  private final WorkOrderView view;
  private final ApiCaller caller;
  private final int defaultDays;

  public CustomerOrdersController(JdbcTemplate jdbc, WorkOrderView view, ApiCaller caller,
      @Value("${serviceloop.lookup.recent-days:90}") int defaultDays) {
    this.jdbc = jdbc;
    this.view = view;
    this.caller = caller;
    this.defaultDays = defaultDays;
  }

  @GetMapping(path = "/api/work-orders", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> byCustomer(@RequestParam(required = false) String customerPhone,
      @RequestParam(required = false) String days) {
    caller.requireGroup("look up a customer's work orders", LookupAccess.CUSTOMER_SERVICE);
    List<FieldError> errors = new ArrayList<>();
    String phone = customerPhone == null ? null : customerPhone.replaceAll("[\\s\\u3000]", "");
    if (phone == null || phone.isEmpty()) {
      errors.add(new FieldError("customerPhone", "is required"));
    } else if (!PhoneNumbers.isValid(phone)) {
      errors.add(new FieldError("customerPhone",
          "must be a mobile number (11 digits, e.g. 13800138000) or a landline with area code (e.g. 010-12345678)"));
    }
    int window = QueryParameters.wholeNumber("days", days, defaultDays, 1, MAX_DAYS, "days", errors);
    InvalidInputException.throwIfAny(errors);
    // a landline may be stored with or without its hyphen
    String other = phone.startsWith("0") ? (phone.contains("-") ? phone.replace("-", "")
        : phone.replaceFirst("^(0(?:10|2\\d)|0\\d{3})", "$1-")) : phone;
    Instant now = WorkOrderRepository.now();
    Instant since = now.minus(Duration.ofDays(window));
    // every order type named, so the (order_type, customer_phone, received_at) index serves it (V12_1)
    List<Map<String, Object>> rows = jdbc.queryForList("""
        SELECT * FROM sl_work_order
        WHERE order_type IN (%s) AND customer_phone IN (?, ?) AND (closed_at IS NULL OR closed_at >= ?)
        ORDER BY received_at DESC, id DESC LIMIT ?""".formatted(ALL_TYPES), phone, other, SqlTimestamps.ts(since),
        LIMIT + 1);
    boolean truncated = rows.size() > LIMIT;
    List<Map<String, Object>> open = new ArrayList<>();
    List<Map<String, Object>> recent = new ArrayList<>();
    for (Map<String, Object> row : truncated ? rows.subList(0, LIMIT) : rows) {
      (row.get("closed_at") == null ? open : recent).add(summary(row, now));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerPhone", phone);
    body.put("days", window);
    body.put("open", open);
    body.put("recent", recent);
    body.put("truncated", truncated);
    return body;
  }

  private Map<String, Object> summary(Map<String, Object> row, Instant now) {
    Map<String, Object> item = new LinkedHashMap<>();
    String orderNo = (String) row.get("order_no");
    OrderType type = OrderType.valueOf((String) row.get("order_type"));
    item.put("orderNo", orderNo);
    item.put("type", type.name());
    item.put("status", row.get("status"));
    put(item, "category", row.get("category"));
    put(item, "service", row.get("service"));
    put(item, "channel", row.get("channel"));
    put(item, "region", row.get("region"));
    put(item, "customerName", row.get("customer_name"));
    put(item, "responsibleGroup", row.get("responsible_group"));
    item.put("receivedAt", view.iso(row.get("received_at")));
    PendingDeadline.of(row).ifPresent(next -> {
      item.put("nextDeadline", Map.of("name", next.name(), "due", view.iso(next.due()),
          "overdue", next.overdueAt(now)));
    });
    put(item, "closedAt", view.iso(row.get("closed_at")));
    put(item, "satisfaction", row.get("satisfaction"));
    item.put("escalationLevel", row.get("escalation_level"));
    item.put("url", switch (type) {
      case COMPLAINT -> "/api/complaints/" + orderNo;
      case INSTALLATION -> "/api/broadband-orders/" + orderNo;
      case FAULT_REPAIR -> "/api/fault-reports/" + orderNo;
    });
    item.put("page", "/kpi/history.html?order=" + orderNo);
    return item;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
