package com.serviceloop.workorder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.common.Moments;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A work order as the lookups answer it: every column of its row that has a value (camelCase, instants
 * in the operator's zone), its breaches and escalation levels, and — for installations — each moved
 * appointment. The customer's personal data (phone, name, room) is masked for a caller who may read the
 * order but need not reach the customer (an auditor, a department).
 */
@Component
public class WorkOrderView {

  /** Columns holding a customer's personal data. */
  static final Set<String> PERSONAL = Set.of("customerPhone", "customerName", "addressRoom");
  private static final Set<String> INTERNAL = Set.of("id", "createdAt", "updatedAt");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ZoneId zone;

  public WorkOrderView(JdbcTemplate jdbc, ObjectMapper json,
      @Value("${serviceloop.calendar.zone:Asia/Shanghai}") String zone) {
    this.jdbc = jdbc;
    this.json = json;
    this.zone = ZoneId.of(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The order of that number and type, or empty (an unknown number, or one of another type). */
  public Optional<Map<String, Object>> find(String orderNo, OrderType type, boolean personalData) {
    return find(orderNo, personalData).filter(order -> type.name().equals(order.get("orderType")));
  }

  /** The order of that number, of any type, or empty. */
  public Optional<Map<String, Object>> find(String orderNo, boolean personalData) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    OrderType type = OrderType.valueOf((String) row.get("order_type"));
    long id = ((Number) row.get("id")).longValue();
    Map<String, Object> view = columns(row, personalData);
    view.put("breaches", jdbc.query("""
        SELECT reason, deadline, detected_at FROM sl_breach WHERE work_order_id = ? ORDER BY detected_at, id""",
        (rs, i) -> entry("reason", rs.getString(1), "deadline", iso(rs.getObject(2)),
            "detectedAt", iso(rs.getObject(3))), id));
    view.put("escalations", jdbc.query("""
        SELECT level, group_id, reason, started_at, due, answered_at, instruction, new_deadline
        FROM sl_escalation WHERE order_no = ? ORDER BY level, id""",
        (rs, i) -> entry("level", rs.getInt(1), "group", rs.getString(2), "reason", rs.getString(3),
            "startedAt", iso(rs.getObject(4)), "due", iso(rs.getObject(5)), "answeredAt", iso(rs.getObject(6)),
            "instruction", rs.getString(7), "newDeadline", iso(rs.getObject(8))), orderNo));
    // every return visit, one per round (issue 9): the round's answer, its calls, its first and last call
    view.put("returnVisits", jdbc.query("""
        SELECT round_no, outcome, attempts, first_call_at, surveyed_at FROM sl_return_visit
        WHERE order_no = ? ORDER BY round_no""",
        (rs, i) -> entry("round", rs.getInt(1), "outcome", rs.getString(2), "attempts", rs.getObject(3),
            "firstCallAt", iso(rs.getObject(4)), "surveyedAt", iso(rs.getObject(5))), orderNo));
    if (type == OrderType.INSTALLATION) {
      view.put("appointmentChanges", jdbc.query("""
          SELECT previous_at, new_at, reason, recorded_at FROM sl_appointment_change WHERE order_no = ? ORDER BY id""",
          (rs, i) -> entry("previousAt", iso(rs.getObject(1)), "newAt", iso(rs.getObject(2)),
              "reason", rs.getString(3), "recordedAt", iso(rs.getObject(4))), orderNo));
    }
    return Optional.of(view);
  }

  /** The row's non-null columns by camelCase name; instants in the operator's zone; details as JSON. */
  public Map<String, Object> columns(Map<String, Object> row, boolean personalData) {
    Map<String, Object> view = new LinkedHashMap<>();
    row.forEach((column, value) -> {
      String name = camel(column);
      if (value == null || INTERNAL.contains(name)) {
        return;
      }
      if ("details".equals(name)) {
        value = readJson(value.toString());
      } else if (isInstant(value)) {
        value = iso(value);
      }
      if (!personalData && PERSONAL.contains(name)) {
        value = mask(name, value.toString());
        if (value == null) {
          return;
        }
      }
      view.put(name, value);
    });
    return view;
  }

  /** ISO-8601 with the operator's offset (+08:00), for a timestamp as JDBC returns it; null stays null. */
  public String iso(Object value) {
    return Moments.iso(instant(value), zone);
  }

  /** A timestamp as JDBC returns it (Timestamp, OffsetDateTime, Instant, Date); null stays null. */
  public static Instant instant(Object value) {
    return Moments.toInstant(value, ZoneId.systemDefault());
  }

  private static boolean isInstant(Object value) {
    return value instanceof OffsetDateTime || value instanceof Timestamp || value instanceof Instant;
  }

  /** 13812345678 → 138****5678, 0571-88001234 → 057*****1234; 张三 → 张*; a room is left out. */
  static String mask(String field, String value) {
    return switch (field) {
      case "customerPhone" -> maskPhone(value);
      case "customerName" -> value.isEmpty() ? value : value.substring(0, value.offsetByCodePoints(0, 1)) + "*";
      default -> null;
    };
  }

  public static String maskPhone(String phone) {
    if (phone.length() < 8) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  static String camel(String column) {
    String lower = column.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : lower.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  private Object readJson(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return text;
    }
  }

  private static Map<String, Object> entry(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }
}
