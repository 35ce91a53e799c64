package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;
import static com.serviceloop.workorder.CaseContracts.ESCALATION_INSTRUCTION;

import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supervisor's instruction (from the escalation) reaches the staff working on the order (notifyGroup). */
@Component("forwardInstallationInstruction")
@RequiredArgsConstructor
public class ForwardInstallationInstructionDelegate implements JavaDelegate {

  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(Notification.staff(orderNo(execution), notifyGroup(execution),
        "ESCALATION_INSTRUCTION", "Instruction for " + orderNo(execution) + ": "
            + execution.getVariable(ESCALATION_INSTRUCTION)));
  }
}
