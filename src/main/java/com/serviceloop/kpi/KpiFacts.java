package com.serviceloop.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which work orders (sl_work_order w) each KPI counts in a period, and what each adds to the
 * numerator: the denominator is COUNT(*) of the facts, the numerator SUM(numerator). Plain SQL that
 * H2 and PostgreSQL both run; the bounds are instants computed by Java in the operator's zone.
 */
final class KpiFacts {

  /** WHERE condition and numerator expression over alias w, with their parameters in order. */
  record Sql(String where, List<Object> whereParams, String numerator, List<Object> numeratorParams) {}

  /** A previous complaint of the same phone in the 30 days before this one (重复投诉). */
  static final String REPEAT_COMPLAINT = """
      EXISTS (SELECT 1 FROM sl_work_order p
              WHERE p.order_type = 'COMPLAINT' AND p.customer_phone = w.customer_phone
                AND p.received_at < w.received_at AND p.received_at >= w.received_at - INTERVAL '30' DAY)""";

  private KpiFacts() {}

  static Sql of(Kpi kpi, Instant from, Instant to, Instant now, List<KpiWeight> satisfactionWeights) {
    Object f = ts(from);
    Object t = ts(to);
    return switch (kpi) {
      case complaintsPer10k -> new Sql(
          "w.order_type = 'COMPLAINT' AND w.category = 'BROADBAND' AND w.received_at >= ? AND w.received_at < ?",
          List.of(f, t), "1", List.of());
      case timelyHandlingRate -> new Sql("w.closed_at >= ? AND w.closed_at < ?", List.of(f, t),
          flag("w.closure_on_time = TRUE"), List.of());
      case satisfactionRate -> satisfaction(f, t, satisfactionWeights);
      case onSiteAppointmentRate -> new Sql(
          "w.order_type = 'FAULT_REPAIR' AND w.received_at >= ? AND w.received_at < ?", List.of(f, t),
          flag("w.on_site_appointment = TRUE"), List.of());
      case installationTimeliness -> new Sql(
          "w.order_type = 'INSTALLATION' AND w.completed_at >= ? AND w.completed_at < ?", List.of(f, t),
          flag("w.completion_on_time = TRUE"), List.of());
      case firstContactInTime -> new Sql("""
          ((w.first_contact_at >= ? AND w.first_contact_at < ?)
           OR (w.first_contact_due >= ? AND w.first_contact_due < ? AND w.first_contact_due < ?
               AND (w.first_contact_at IS NULL OR w.first_contact_at >= ?)))""",
          List.of(f, t, f, t, ts(now), t),
          flag("w.first_contact_at >= ? AND w.first_contact_at < ? AND w.first_contact_on_time = TRUE"),
          List.of(f, t));
      case escalationRate -> new Sql("w.received_at >= ? AND w.received_at < ?", List.of(f, t),
          flag("w.escalation_level > 0"), List.of());
      case repeatComplaintRate -> new Sql(
          "w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ?", List.of(f, t),
          flag(REPEAT_COMPLAINT), List.of());
      case reprocessingRate -> new Sql("w.closed_at >= ? AND w.closed_at < ?", List.of(f, t),
          flag("w.rounds > 1"), List.of());
      case remediesDue -> new Sql(
          "w.closed_at >= ? AND w.closed_at < ? AND (w.compensation_amount > 0 OR w.remedy_amount > 0)",
          List.of(f, t), "COALESCE(w.compensation_amount, 0) + COALESCE(w.remedy_amount, 0)", List.of());
    };
  }

  /** Surveyed = reached on the return visit; numerator = the weighted unsatisfied ones. */
  private static Sql satisfaction(Object f, Object t, List<KpiWeight> weights) {
    StringBuilder weight = new StringBuilder("CASE");
    List<Object> params = new ArrayList<>();
    for (KpiWeight w : weights) {
      weight.append(" WHEN w.order_type = ?");
      params.add(w.orderType());
      if (w.category() != null) {
        weight.append(" AND w.category = ?");
        params.add(w.category());
      }
      weight.append(" THEN CAST(? AS DECIMAL(9, 4))");
      params.add(w.weight());
    }
    weight.append(" ELSE 1 END");
    String numerator = weights.isEmpty()
        ? flag("w.satisfaction = 'UNSATISFIED'")
        : "CASE WHEN w.satisfaction = 'UNSATISFIED' THEN " + weight + " ELSE 0 END";
    return new Sql("w.surveyed_at >= ? AND w.surveyed_at < ? AND w.satisfaction IN ('SATISFIED', 'UNSATISFIED')",
        List.of(f, t), numerator, params);
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }

  static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
