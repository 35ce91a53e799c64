package com.serviceloop.intake;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/** Valid bodies of the three intake POSTs, all received Friday 2026-11-20 17:00 (Shanghai), for the API tests. */
final class IntakeRequests {

  static final String RECEIVED = "2026-11-20T17:00+08:00";
  /** The engine clock of these tests: ten minutes after the intake. */
  static final String NOW = "2026-11-20T17:10+08:00";

  static final String COMPLAINTS = "/api/complaints";
  static final String BROADBAND_ORDERS = "/api/broadband-orders";
  static final String FAULT_REPORTS = "/api/fault-reports";
  static final List<String> ENDPOINTS = List.of(COMPLAINTS, BROADBAND_ORDERS, FAULT_REPORTS);

  private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  private IntakeRequests() {}

  static void clockAtNow() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(NOW).toInstant()));
  }

  /** A phone number no other test uses (137 + 8 digits). */
  static String newPhone() {
    return "137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
  }

  static Map<String, Object> valid(String endpoint, String phone) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (endpoint) {
      case COMPLAINTS -> {
        body.put("customerPhone", phone);
        body.put("customerName", "李四");
        body.put("customerSegment", "PUBLIC");
        body.put("customerTier", "STANDARD");
        body.put("brand", "神州行");
        body.put("region", "杭州");
        body.put("channel", "ONLINE");
        body.put("category", "BILLING");
        body.put("description", "十月账单多扣 30 元短信费");
        body.put("receivedAt", RECEIVED);
        body.put("billingMonth", "2026-10");
        body.put("disputedAmount", 30);
      }
      case BROADBAND_ORDERS -> {
        body.put("channel", "BUSINESS_HALL");
        body.put("customerPhone", phone);
        body.put("customerName", "Li Lei");
        body.put("region", "Hangzhou-Xihu");
        body.put("address", new LinkedHashMap<>(Map.of("compound", "Wenyuan Garden", "building", "1", "room", "301")));
        body.put("package", "100M");
        body.put("constructionMode", "SELF_BUILT");
        body.put("acceptedAt", RECEIVED);
        body.put("businessHall", "Wulin Hall");
        body.put("hallRegion", "Hangzhou-Gongshu");
        body.put("payment", new LinkedHashMap<>(Map.of("method", "POS", "amount", 300, "invoiceNo", "INV-9",
            "customerSigned", true)));
      }
      case FAULT_REPORTS -> {
        body.put("customerPhone", phone);
        body.put("customerName", "Han Meimei");
        body.put("region", "Hangzhou-Xihu");
        body.put("area", "URBAN");
        body.put("service", "BROADBAND");
        body.put("channel", "HOTLINE");
        body.put("description", "no internet");
        body.put("receivedAt", RECEIVED);
      }
      default -> throw new IllegalArgumentException(endpoint);
    }
    return body;
  }

  /** Work orders, process instances (runtime and history) and idempotency keys: what an intake may write. */
  static Map<String, Long> counts(JdbcTemplate jdbc) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("sl_work_order", "ACT_HI_PROCINST", "ACT_RU_EXECUTION", "sl_idempotency_key",
        "sl_notification_outbox", "sl_coverage_demand")) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.put("sl_coverage.free_ports", jdbc.queryForObject("SELECT SUM(free_ports) FROM sl_coverage", Long.class));
    return counts;
  }
}
