package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Register complaint (每诉必录): the intake becomes a work order; its order number becomes the
 * variable orderNo and the process instance's business key. The intake form and the API have
 * validated the fields; this only records them. receivedAt (when the customer complained, the
 * clocks run from it) arrives as an ISO-8601 string or a Date; missing means now.
 */
@Component("registerComplaint")
public class RegisterComplaintDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;
  private final DecisionService decisionService;
  private final ObjectMapper json;

  public RegisterComplaintDelegate(WorkOrderRepository workOrders, ComplaintDeadlines deadlines,
      DecisionService decisionService, ObjectMapper json) {
    this.workOrders = workOrders;
    this.deadlines = deadlines;
    this.decisionService = decisionService;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    Object given = execution.getVariable(RECEIVED_AT);
    Instant receivedAt = given == null || given instanceof String s && s.isBlank()
        ? WorkOrderRepository.now()
        : deadlines.toInstant(given);
    String orderNo = workOrders.create(new NewWorkOrder(
        OrderType.COMPLAINT, STATUS_OPEN, execution.getProcessInstanceId(),
        text(execution, CHANNEL), text(execution, CATEGORY), text(execution, REGION),
        text(execution, CUSTOMER_SEGMENT), text(execution, CUSTOMER_TIER), text(execution, BRAND),
        text(execution, CUSTOMER_PHONE), text(execution, CUSTOMER_NAME), text(execution, DESCRIPTION),
        templateDetails(execution), null, receivedAt));
    execution.setVariable(ORDER_NO, orderNo);
    execution.setVariable(RECEIVED_AT, Date.from(receivedAt));
    execution.setVariable(ROUNDS, 1);
    execution.setProcessBusinessKey(orderNo);
  }

  /**
   * The category template's own fields (decision complaint-template: the catalogue of categories and their
   * fields) that intake filled in, as JSON; null when there are none.
   */
  private String templateDetails(DelegateExecution execution) throws JsonProcessingException {
    List<String> fields = decisionService.evaluateDecisionByKey(TEMPLATE_DECISION)
        .variables(Variables.createVariables().putValue(CATEGORY, execution.getVariable(CATEGORY)))
        .evaluate().collectEntries(TEMPLATE_FIELD);
    Map<String, Object> details = new LinkedHashMap<>();
    for (String field : fields) {
      Object value = execution.getVariable(field);
      if (value != null && !(value instanceof String s && s.isBlank())) {
        details.put(field, value);
      }
    }
    return details.isEmpty() ? null : json.writeValueAsString(details);
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
