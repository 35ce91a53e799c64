package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.common.Moments;
import com.serviceloop.intake.IntakeFields;
import com.serviceloop.intake.OrderIntake;
import com.serviceloop.intake.OrderIntakeController;
import com.serviceloop.workorder.WorkOrder;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/fault-reports: a fault report from a channel system or a key-account manager. Answers 201
 * with the order number, status, priority and deadlines; 400 with a message per bad field (the skeleton:
 * {@link OrderIntakeController}).
 */
@RestController
@RequestMapping(path = FaultReportController.PATH, produces = "application/json")
public class FaultReportController extends OrderIntakeController {

  static final String PATH = "/api/fault-reports";

  private static final List<String> FIELDS = List.of(CUSTOMER_PHONE, CUSTOMER_NAME, REGION, AREA, SERVICE, CHANNEL,
      DESCRIPTION, RECEIVED_AT, CUSTOMER_SEGMENT);
  private static final Set<String> JSON_FIELDS = Set.copyOf(FIELDS);

  public FaultReportController(OrderIntake intake) {
    super(intake, PATH, PROCESS_ID, "report faults");
  }

  @Override
  protected Map<String, Object> variables(Map<String, Object> json) {
    Map<String, Object> vars = new LinkedHashMap<>();
    FIELDS.forEach(field -> vars.put(field, json.get(field)));
    FaultReport report = FaultReportRequest.fromVariables(vars, intake.zone(), intake.window(), true,
        IntakeFields.unknown(json, JSON_FIELDS));
    vars.put(RECEIVED_AT, Date.from(report.receivedAt()));
    vars.put(CUSTOMER_SEGMENT, report.customerSegment().name());
    return vars;
  }

  @Override
  protected void answer(VariableMap result, WorkOrder order, Map<String, Object> body) {
    body.put("priority", result.get(PRIORITY));
    body.put("contactGroup", result.get(CONTACT_GROUP));
    body.put("deadlines", Map.of(
        "firstContact", Moments.iso(((Date) result.get(FIRST_CONTACT_DUE)).toInstant(), intake.zone()),
        "repair", Moments.iso(((Date) result.get(REPAIR_DUE)).toInstant(), intake.zone())));
  }
}
