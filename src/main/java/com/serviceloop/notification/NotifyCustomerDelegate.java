package com.serviceloop.notification;

import com.serviceloop.common.ModelInputs;
import com.serviceloop.workorder.CaseOrder;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ${notifyCustomer}: an SMS to the work order's customer (element template "Notify the customer",
 * element-templates/notify-customer.json). Reads the order number (the business key) and customerPhone from the process, the kind of
 * message (notificationTemplate) and its text (notificationMessage, may be an expression) from the task's
 * input parameters; the message goes to the notification port (by default the outbox the SMS gateway reads).
 */
@ModelInputs({NotifyCustomerDelegate.TEMPLATE, NotifyCustomerDelegate.MESSAGE})
@Component("notifyCustomer")
@RequiredArgsConstructor
public class NotifyCustomerDelegate implements JavaDelegate {

  public static final String TEMPLATE = "notificationTemplate";
  public static final String MESSAGE = "notificationMessage";

  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    String template = text(execution, TEMPLATE);
    String message = ModelMessages.text(execution, MESSAGE);
    String phone = text(execution, "customerPhone");
    notifications.send(Notification.sms(CaseOrder.orderNo(execution), phone, template, message));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("notifyCustomer needs '" + name + "' (element template Notify the customer)");
    }
    return value.toString();
  }
}
