package com.serviceloop.notification;

import com.serviceloop.workorder.CaseOrder;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * An SMS to the case's customer ({@code customerPhone}) from a step that does more than notify: the text is the
 * step's {@value NotifyCustomerDelegate#MESSAGE} input parameter ({@link ModelMessages}), the kind of message is
 * the step's own. (A step that only notifies is {@link NotifyCustomerDelegate}, the element template.)
 */
@Component
@RequiredArgsConstructor
public class CustomerSms {

  private final NotificationPort notifications;

  public void send(DelegateExecution step, String template) {
    send(step, template, Map.of());
  }

  /** {@code computed}: what the step fills into the text's {name} placeholders (e.g. {appointment}). */
  public void send(DelegateExecution step, String template, Map<String, String> computed) {
    Object phone = step.getVariable("customerPhone");
    notifications.send(Notification.sms(CaseOrder.orderNo(step), phone == null ? null : phone.toString(), template,
        ModelMessages.text(step, NotifyCustomerDelegate.MESSAGE, computed)));
  }
}
