package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The accepting hall's first-level audit: an irregular order is reported to the model's notifyGroup. */
@Component("recordHallAudit")
@RequiredArgsConstructor
public class RecordHallAuditDelegate implements JavaDelegate {

  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    if (AUDIT_IRREGULAR.equals(execution.getVariable(AUDIT_RESULT))) {
      notifications.send(Notification.staff(orderNo(execution), notifyGroup(execution), "INSTALLATION_AUDIT_IRREGULAR",
          "Hall order " + orderNo(execution) + " failed the first-level audit: " + execution.getVariable(AUDIT_NOTE)));
    }
  }
}
