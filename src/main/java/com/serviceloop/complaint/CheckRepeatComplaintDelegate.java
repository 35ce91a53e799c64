package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;
import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Check for repeat complaint: another complaint from the same phone received within the window
 * before this one (the window is the task's input parameter repeatWindow, e.g. P30D) makes this a
 * repeat complaint, which is escalated at intake. Sets repeatComplaint and stores it on the work order
 * (repeat_complaint), where the KPI repeatComplaintRate counts it: the model's window is the KPI's too.
 */
@Component("checkRepeatComplaint")
@RequiredArgsConstructor
public class CheckRepeatComplaintDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;

  @Override
  public void execute(DelegateExecution execution) {
    Duration window = Duration.parse((String) execution.getVariable(REPEAT_WINDOW));
    Instant receivedAt = deadlines.toInstant(execution.getVariable(RECEIVED_AT));
    String orderNo = CaseOrder.orderNo(execution);
    int earlier = workOrders.countFromPhone(OrderType.COMPLAINT, (String) execution.getVariable(CUSTOMER_PHONE),
        receivedAt.minus(window), receivedAt.plusMillis(1), orderNo);
    workOrders.recordRepeatComplaint(orderNo, earlier > 0);
    execution.setVariable(REPEAT_COMPLAINT, earlier > 0);
  }
}
