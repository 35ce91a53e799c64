package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.ModelInputs;
import com.serviceloop.notification.ModelMessages;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record escalation: the level escalation-level chose is raised on the work order and recorded in
 * sl_escalation, due responseLimit (in responseTimeMode) from now; the level's group and the customer
 * are told through the notification port, in the texts the model gives the task. Runs asynchronously (a port call: a failure is an incident).
 */
@ModelInputs({RecordEscalationDelegate.STAFF_MESSAGE, RecordEscalationDelegate.CUSTOMER_MESSAGE})
@Component("recordEscalation")
@RequiredArgsConstructor
public class RecordEscalationDelegate implements JavaDelegate {

  /** The texts the model gives the task (input parameters; {due} is the level's answer deadline). */
  static final String STAFF_MESSAGE = "staffMessage";
  static final String CUSTOMER_MESSAGE = "customerMessage";

  private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final WorkOrderRepository workOrders;
  private final EscalationRepository escalations;
  private final WorkingTimeCalendar calendar;
  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    String reason = (String) execution.getVariable(ESCALATION_REASON);
    int level = ((Number) execution.getVariable(LEVEL)).intValue();
    String group = (String) execution.getVariable(ESCALATION_GROUP);
    Instant now = WorkOrderRepository.now();
    Instant due = calendar.due(now, (String) execution.getVariable(RESPONSE_LIMIT),
        TimeMode.of((String) execution.getVariable(RESPONSE_TIME_MODE)));

    workOrders.raiseEscalationLevel(orderNo, level);
    long id = escalations.start(orderNo, reason, level, group, due, now);
    execution.setVariable(ESCALATION_ID, id);
    execution.setVariable(ESCALATION_DUE, Date.from(due));
    execution.setVariable(ESCALATION_LEVEL, level);

    WorkOrder order = workOrders.get(orderNo);
    // Nothing goes to the customer about a closed case (the chain ends with the order; this is the
    // last guard, e.g. for an order closed outside its process).
    boolean open = order.closedAt() == null;
    String dueText = DUE_FORMAT.format(due.atZone(calendar.zone()));
    // the case as the supervisor's form and Tasklist card show it (escalation-instruction: read-only fields)
    execution.setVariable(CUSTOMER_NAME, order.customerName());
    execution.setVariable(CUSTOMER_PHONE, order.customerPhone());
    execution.setVariable(CATEGORY, order.category());
    execution.setVariable(DESCRIPTION, order.description());
    execution.setVariable(ESCALATION_DUE_TEXT, dueText);
    notifications.send(Notification.staff(orderNo, group, "ESCALATED",
        ModelMessages.text(execution, STAFF_MESSAGE, Map.of("due", dueText))));
    if (open) {
      notifications.send(Notification.sms(orderNo, order.customerPhone(), "ESCALATED",
          ModelMessages.text(execution, CUSTOMER_MESSAGE, Map.of("due", dueText))));
    }
  }
}
