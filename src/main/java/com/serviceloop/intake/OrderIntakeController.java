package com.serviceloop.intake;

import com.serviceloop.workorder.WorkOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The skeleton of the intake POSTs (complaints, fault reports, broadband orders), so that all three
 * answer alike: a JSON object is required (400 with an empty {@code errors} list for a body that is
 * missing or not an object); it runs once per Idempotency-Key ({@link IdempotencyKeys}: a repeat answers
 * 200 with the same body and Location, 409 if it differs); the caller must be allowed to start the process
 * (403 before the input is looked at); a property it does not read is a bad field like any other
 * ({@link IntakeFields}); it starts the process in that transaction and answers 201 with
 * {@code Location: <path>/<orderNo>} and the order number, the process instance, the order's status and
 * what the capability adds. A subclass names its path with {@code @RequestMapping} and says how a body
 * becomes process variables and what of the started process it answers.
 */
public abstract class OrderIntakeController {

  protected final OrderIntake intake;
  private final String path;
  private final String processId;
  private final String what;

  /**
   * {@code path}: the subclass's request mapping (the Location of a new order is below it, and it identifies
   * the endpoint of a stored Idempotency-Key); {@code what}: what a refused caller may not do ("report faults").
   */
  protected OrderIntakeController(OrderIntake intake, String path, String processId, String what) {
    this.intake = intake;
    this.path = path;
    this.processId = processId;
    this.what = what;
  }

  /** 201 with the new order; with an Idempotency-Key, a repeat answers 200 with the same body (409 if it differs). */
  @PostMapping(consumes = "application/json")
  public ResponseEntity<Object> accept(@RequestBody Map<String, Object> json,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    return intake.idempotency().once("POST " + path, idempotencyKey, json, () -> create(json));
  }

  /** A further refusal (ForbiddenException) of an allowed caller for what the body is, before it is validated. */
  protected void requireMayRecord(Map<String, Object> json) {}

  /**
   * The process variables of a valid body (null values are dropped); InvalidInputException for a bad one,
   * listing every bad field, unknown ones included ({@link IntakeFields#unknown}).
   */
  protected abstract Map<String, Object> variables(Map<String, Object> json);

  /**
   * Adds to the answer what the started process computed: its variables on reaching its first wait state,
   * and the work order it registered.
   */
  protected abstract void answer(VariableMap result, WorkOrder order, Map<String, Object> body);

  private ResponseEntity<Map<String, Object>> create(Map<String, Object> json) {
    intake.caller().requireMayStart(processId, what);
    requireMayRecord(json);
    Map<String, Object> vars = variables(json);
    vars.values().removeIf(Objects::isNull);
    ProcessInstanceWithVariables instance = intake.runtime().createProcessInstanceByKey(processId)
        .setVariables(vars).executeWithVariablesInReturn();
    VariableMap result = instance.getVariables();
    WorkOrder order = intake.workOrders().get((String) result.get("orderNo"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", order.orderNo());
    body.put("processInstanceId", instance.getId());
    body.put("status", order.status());
    answer(result, order, body);
    return ResponseEntity.created(URI.create(path + "/" + order.orderNo())).body(body);
  }
}
