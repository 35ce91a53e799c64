package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;
import static com.serviceloop.workorder.CaseContracts.ESCALATION_INSTRUCTION;

import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.CaseOrder;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supervisor's instruction (from the escalation) reaches the group working on the fault. */
@Component("forwardFaultInstruction")
@RequiredArgsConstructor
public class ForwardFaultInstructionDelegate implements JavaDelegate {

  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    notifications.send(Notification.staff(orderNo, (String) execution.getVariable(CONTACT_GROUP),
        "ESCALATION_INSTRUCTION", "Instruction for " + orderNo + ": " + execution.getVariable(ESCALATION_INSTRUCTION)));
  }
}
