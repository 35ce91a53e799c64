package com.serviceloop.intake;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The skeleton of an intake POST that starts its process with the request's fields: a JSON body is
 * required (400 without one); it runs once per Idempotency-Key ({@link IdempotencyKeys}: a repeat answers
 * 200 with the same body, 409 if it differs); it starts the process in that transaction and answers 201
 * with the order number, the process instance, the order's status and what the capability adds.
 * A subclass names its path with {@code @RequestMapping} and says how a body becomes process variables
 * and what of the started process it answers.
 */
public abstract class OrderIntakeController {

  protected final OrderIntake intake;
  private final String endpoint;
  private final String processId;

  /** {@code path}: the subclass's request mapping (it identifies the endpoint of a stored Idempotency-Key). */
  protected OrderIntakeController(OrderIntake intake, String path, String processId) {
    this.intake = intake;
    this.endpoint = "POST " + path;
    this.processId = processId;
  }

  /** 201 with the new order; with an Idempotency-Key, a repeat answers 200 with the same body (409 if it differs). */
  @PostMapping(consumes = "application/json")
  public ResponseEntity<Object> accept(@RequestBody(required = false) Map<String, Object> json,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    return intake.idempotency().once(endpoint, idempotencyKey, json, () -> create(json));
  }

  /** The process variables of a valid body (null values are dropped); InvalidInputException for a bad one. */
  protected abstract Map<String, Object> variables(Map<String, Object> json);

  /** Adds to the answer what the started process computed (its variables on reaching its first wait state). */
  protected abstract void answer(VariableMap result, Map<String, Object> body);

  private ResponseEntity<Map<String, Object>> create(Map<String, Object> json) {
    if (json == null) {
      throw new InvalidInputException("A JSON body is required", List.of(new FieldError("body", "is required")));
    }
    Map<String, Object> vars = variables(json);
    vars.values().removeIf(Objects::isNull);
    ProcessInstanceWithVariables instance = intake.runtime().createProcessInstanceByKey(processId)
        .setVariables(vars).executeWithVariablesInReturn();
    VariableMap result = instance.getVariables();
    String orderNo = (String) result.get("orderNo");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", orderNo);
    body.put("processInstanceId", instance.getId());
    body.put("status", intake.workOrders().get(orderNo).status());
    answer(result, body);
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }
}
