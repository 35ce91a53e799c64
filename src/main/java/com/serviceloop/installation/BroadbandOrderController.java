package com.serviceloop.installation;

import com.serviceloop.common.Moments;
import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.api.FieldError;
import com.serviceloop.intake.IntakeFields;
import com.serviceloop.intake.OrderIntake;
import com.serviceloop.intake.OrderIntakeController;
import com.serviceloop.workorder.WorkOrder;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/broadband-orders: a broadband installation order from a channel system (400 hotline,
 * website, business hall). Answers 201 with the order number, its status, the coverage result and its
 * deadlines; 400 with a message per bad field and nothing written (the skeleton: {@link OrderIntakeController}).
 */
@RestController
@RequestMapping(path = BroadbandOrderController.PATH, produces = "application/json")
public class BroadbandOrderController extends OrderIntakeController {

  static final String PATH = "/api/broadband-orders";

  public BroadbandOrderController(OrderIntake intake) {
    super(intake, PATH, PROCESS_ID, "place broadband orders");
  }

  @Override
  protected Map<String, Object> variables(Map<String, Object> json) {
    List<FieldError> errors = new ArrayList<>(IntakeFields.unknown(json, BroadbandOrderRequest.JSON_FIELDS));
    Map<String, Object> vars = BroadbandOrderRequest.flatten(json, errors);
    BroadbandOrder order = BroadbandOrderRequest.fromVariables(vars, intake.zone(), intake.window(), errors, true);
    vars.put(ACCEPTED_AT, Date.from(order.acceptedAt()));
    if (order.paymentAmount() != null) {
      vars.put(PAYMENT_AMOUNT, order.paymentAmount().doubleValue());
    }
    if (vars.get(CUSTOMER_SIGNED) != null) {
      vars.put(CUSTOMER_SIGNED, Boolean.valueOf(vars.get(CUSTOMER_SIGNED).toString()));
    }
    return vars;
  }

  @Override
  protected void answer(VariableMap result, WorkOrder order, Map<String, Object> body) {
    body.put("coverageResult", result.get(COVERAGE_RESULT));
    Map<String, Object> deadlines = new LinkedHashMap<>();
    deadlines.put("extraction", iso(result.get(EXTRACTION_DUE)));
    deadlines.put("audit", iso(result.get(AUDIT_DUE)));
    deadlines.put("appointment", iso(result.get(APPOINTMENT_DUE)));
    deadlines.put("installation", iso(result.get(INSTALLATION_DUE)));
    deadlines.values().removeIf(Objects::isNull);
    body.put("deadlines", deadlines);
  }

  private String iso(Object date) {
    return date instanceof Date d ? Moments.iso(d.toInstant(), intake.zone()) : null;
  }
}
