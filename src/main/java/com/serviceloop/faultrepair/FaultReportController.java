package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IdempotencyKeys;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/fault-reports: a fault report from a channel system or a key-account manager. Answers 201
 * with the order number, status, priority and deadlines; 400 with a message per bad field.
 */
@RestController
@RequestMapping(path = "/api/fault-reports", produces = "application/json")
public class FaultReportController {

  private static final List<String> FIELDS = List.of(CUSTOMER_PHONE, CUSTOMER_NAME, REGION, AREA, SERVICE, CHANNEL,
      DESCRIPTION, RECEIVED_AT, CUSTOMER_SEGMENT);

  private final RuntimeService runtime;
  private final WorkOrderRepository workOrders;
  private final ZoneId zone;
  private final IntakeWindow window;
  private final IdempotencyKeys idempotency;

  public FaultReportController(RuntimeService runtime, WorkOrderRepository workOrders,
      WorkingTimeCalendar calendar, IntakeWindow window, IdempotencyKeys idempotency) {
    this.window = window;
    this.idempotency = idempotency;
    this.runtime = runtime;
    this.workOrders = workOrders;
    this.zone = calendar.zone();
  }

  /** 201 with the new order; with an Idempotency-Key, a repeat answers 200 with the same body (409 if it differs). */
  @PostMapping(consumes = "application/json")
  public ResponseEntity<Object> report(@RequestBody(required = false) Map<String, Object> json,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    return idempotency.once("POST /api/fault-reports", idempotencyKey, json, () -> create(json));
  }

  private ResponseEntity<Map<String, Object>> create(Map<String, Object> json) {
    if (json == null) {
      throw new InvalidInputException("A JSON body is required", List.of(new FieldError("body", "is required")));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    FIELDS.forEach(field -> vars.put(field, json.get(field)));
    FaultReport report = FaultReportRequest.fromVariables(vars, zone, window, true);
    vars.put(RECEIVED_AT, Date.from(report.receivedAt()));
    vars.put(CUSTOMER_SEGMENT, report.customerSegment().name());
    vars.values().removeIf(Objects::isNull);
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(PROCESS_ID)
        .setVariables(vars).executeWithVariablesInReturn();
    VariableMap result = instance.getVariables();
    String orderNo = (String) result.get(ORDER_NO);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", orderNo);
    body.put("processInstanceId", instance.getId());
    body.put("status", workOrders.get(orderNo).status());
    body.put("priority", result.get(PRIORITY));
    body.put("contactGroup", result.get(CONTACT_GROUP));
    body.put("deadlines", Map.of(
        "firstContact", Moments.iso(((Date) result.get(FIRST_CONTACT_DUE)).toInstant(), zone),
        "repair", Moments.iso(((Date) result.get(REPAIR_DUE)).toInstant(), zone)));
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }
}
