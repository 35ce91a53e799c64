package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.ModelInputs;
import com.serviceloop.common.Moments;
import com.serviceloop.notification.CustomerSms;
import com.serviceloop.notification.NotifyCustomerDelegate;
import java.time.Instant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A new visit: the customer moved it (RESCHEDULED), or the visit failed and the installer agreed a new
 * one (FAILED, next step RESCHEDULE; the customer is told the new time by SMS: the task's
 * notificationMessage in the model, {appointment} the new time). Recorded with its
 * reason; no deadline moves.
 */
@ModelInputs(NotifyCustomerDelegate.MESSAGE)
@Component("recordReschedule")
@RequiredArgsConstructor
public class RecordRescheduleDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final CustomerSms sms;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    boolean failed = FAILED.equals(string(execution, INSTALL_OUTCOME));
    String reason = failed
        ? "FAILED " + string(execution, FAILURE_REASON) + ": " + string(execution, FAILURE_NOTE)
        : string(execution, RESCHEDULE_REASON);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A reschedule needs the customer's reason (" + RESCHEDULE_REASON + ")");
    }
    Instant newAt = required(execution, NEW_APPOINTMENT_AT, calendar.zone());
    Instant previous = Moments.toInstant(execution.getVariable(APPOINTMENT_AT), calendar.zone());
    orders.recordAppointmentChange(orderNo, previous, newAt, reason);
    execution.setVariable(APPOINTMENT_AT, Moments.toDate(newAt));
    if (failed) {
      sms.send(execution, "BROADBAND_VISIT_RESCHEDULED", Map.of("appointment", calendar.display(Moments.toDate(newAt))));
    }
    for (String name : new String[] {NEW_APPOINTMENT_AT, FAILURE_REASON, FAILURE_NOTE, FAILURE_NEXT_STEP}) {
      execution.removeVariable(name);
    }
  }
}
