package com.serviceloop.complaint.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serviceloop.workorder.WorkOrder;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The 201 answer to POST /api/complaints: the work order's number, its routing (or that it waits
 * for triage by service supervision), its deadlines as ISO-8601 in the operator's zone, and its priority.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintRegistered(
    String orderNo,
    String processInstanceId,
    String status,
    Routing routing,
    Deadlines deadlines,
    Integer priority) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Routing(String assuranceModule, String responsibleGroup, boolean triage) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Deadlines(String firstContactDue, String closureDue) {}

  static ComplaintRegistered of(String processInstanceId, WorkOrder order, ZoneId zone) {
    return new ComplaintRegistered(order.orderNo(), processInstanceId, order.status(),
        new Routing(order.assuranceModule(), order.responsibleGroup(), order.assuranceModule() == null),
        new Deadlines(iso(order.firstContactDue(), zone), iso(order.closureDue(), zone)),
        order.priority());
  }

  static String iso(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
  }
}
