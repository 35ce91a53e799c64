package com.serviceloop.installation;

import com.serviceloop.common.Moments;
import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IdempotencyKeys;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * POST /api/broadband-orders: a broadband installation order from a channel system (400 hotline,
 * website, business hall). Answers 201 with the order number, its status, the coverage result and its
 * deadlines; 400 with a message per bad field and nothing written.
 */
@RestController
@RequestMapping(path = "/api/broadband-orders", produces = "application/json")
public class BroadbandOrderController {

  private final RuntimeService runtime;
  private final WorkOrderRepository workOrders;
  private final ZoneId zone;
  private final IntakeWindow window;
  private final IdempotencyKeys idempotency;

  public BroadbandOrderController(RuntimeService runtime, WorkOrderRepository workOrders,
      WorkingTimeCalendar calendar, IntakeWindow window, IdempotencyKeys idempotency) {
    this.window = window;
    this.idempotency = idempotency;
    this.runtime = runtime;
    this.workOrders = workOrders;
    this.zone = calendar.zone();
  }

  /** 201 with the new order; with an Idempotency-Key, a repeat answers 200 with the same body (409 if it differs). */
  @PostMapping(consumes = "application/json")
  public ResponseEntity<Object> accept(@RequestBody(required = false) Map<String, Object> json,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    return idempotency.once("POST /api/broadband-orders", idempotencyKey, json, () -> create(json));
  }

  private ResponseEntity<Map<String, Object>> create(Map<String, Object> json) {
    if (json == null) {
      throw new InvalidInputException("A JSON body is required", List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> vars = BroadbandOrderRequest.flatten(json, errors);
    BroadbandOrder order = BroadbandOrderRequest.fromVariables(vars, zone, window, errors, true);
    vars.put(ACCEPTED_AT, Date.from(order.acceptedAt()));
    vars.values().removeIf(Objects::isNull);
    if (order.paymentAmount() != null) {
      vars.put(PAYMENT_AMOUNT, order.paymentAmount().doubleValue());
    }
    if (vars.get(CUSTOMER_SIGNED) != null) {
      vars.put(CUSTOMER_SIGNED, Boolean.valueOf(vars.get(CUSTOMER_SIGNED).toString()));
    }
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(PROCESS_ID)
        .setVariables(vars).executeWithVariablesInReturn();
    VariableMap result = instance.getVariables();
    String orderNo = (String) result.get(ORDER_NO);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", orderNo);
    body.put("processInstanceId", instance.getId());
    body.put("status", workOrders.get(orderNo).status());
    body.put("coverageResult", result.get(COVERAGE_RESULT));
    Map<String, Object> deadlines = new LinkedHashMap<>();
    deadlines.put("extraction", iso(result.get(EXTRACTION_DUE)));
    deadlines.put("audit", iso(result.get(AUDIT_DUE)));
    deadlines.put("appointment", iso(result.get(APPOINTMENT_DUE)));
    deadlines.put("installation", iso(result.get(INSTALLATION_DUE)));
    deadlines.values().removeIf(Objects::isNull);
    body.put("deadlines", deadlines);
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  private String iso(Object date) {
    return date instanceof Date d ? Moments.iso(d.toInstant(), zone) : null;
  }
}
