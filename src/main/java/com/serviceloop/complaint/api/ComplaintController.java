package com.serviceloop.complaint.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.api.NotFoundException;
import com.serviceloop.intake.IdempotencyKeys;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint intake for channel systems and agents (HTTP Basic, see SecurityConfiguration):
 * POST /api/complaints records a complaint and starts complaint-handling; GET /api/complaints/{orderNo}
 * shows its work order. Errors have the shape of com.serviceloop.api.ApiError.
 */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
public class ComplaintController {

  private final ComplaintIntakeService intake;
  private final WorkOrderRepository workOrders;
  private final ObjectMapper json;
  private final ZoneId zone;
  private final IdempotencyKeys idempotency;

  public ComplaintController(ComplaintIntakeService intake, WorkOrderRepository workOrders, ObjectMapper json,
      @Value("${serviceloop.calendar.zone:Asia/Shanghai}") String zone, IdempotencyKeys idempotency) {
    this.idempotency = idempotency;
    this.intake = intake;
    this.workOrders = workOrders;
    this.json = json;
    this.zone = ZoneId.of(zone);
  }

  /** 201 with the new work order; with an Idempotency-Key, a repeat answers 200 with the same body (409 if it differs). */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Object> record(@RequestBody Map<String, Object> complaint,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    return idempotency.once("POST /api/complaints", idempotencyKey, complaint, () -> {
      ComplaintIntakeService.Registered registered = intake.register(complaint);
      ComplaintRegistered body = ComplaintRegistered.of(registered.processInstanceId(), registered.workOrder(), zone);
      return ResponseEntity.created(URI.create("/api/complaints/" + body.orderNo())).body(body);
    });
  }

  @GetMapping("/{orderNo}")
  public Map<String, Object> show(@PathVariable String orderNo) {
    WorkOrder order = workOrders.find(orderNo)
        .filter(found -> found.type() == OrderType.COMPLAINT)
        .orElseThrow(() -> new NotFoundException("No complaint " + orderNo));
    return view(order);
  }

  /** Every column of the work order; instants in the operator's zone, the template fields as JSON. */
  private Map<String, Object> view(WorkOrder order) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (var component : WorkOrder.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(order);
        String name = component.getName();
        if (value instanceof Instant instant) {
          value = ComplaintRegistered.iso(instant, zone);
        } else if ("detailsJson".equals(name)) {
          name = "details";
          value = value == null ? null : readJson((String) value);
        } else if ("id".equals(name)) {
          continue;
        }
        if (value != null) {
          view.put(name, value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    // a working-time deadline runs into a year without a holiday schedule (docs/calendar.md)
    workOrders.unscheduledYear(order.orderNo()).ifPresent(year -> view.put("deadlineUnscheduledYear", year));
    // each clock's SLA warnings: when due, the level reached and when (docs/complaint.md)
    workOrders.slaWarnings(order.orderNo()).forEach((name, value) ->
        view.put(name, value instanceof Instant instant ? ComplaintRegistered.iso(instant, zone) : value));
    return view;
  }

  private Object readJson(String text) {
    try {
      JsonNode node = json.readTree(text);
      return node;
    } catch (Exception e) {
      return text;
    }
  }
}
