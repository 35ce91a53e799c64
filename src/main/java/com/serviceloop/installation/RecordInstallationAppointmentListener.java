package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the appointment call: the agreed visit time. */
@Component("recordInstallationAppointment")
@RequiredArgsConstructor
public class RecordInstallationAppointmentListener implements TaskListener {

  private final InstallationOrders orders;
  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void notify(DelegateTask task) {
    Instant at = required(task, APPOINTMENT_AT, calendar.zone());
    task.setVariable(APPOINTMENT_AT, Moments.toDate(at));
    orders.recordAppointment(orderNo(task), at, WorkOrderRepository.now());
    workOrders.setStatus(orderNo(task), STATUS_APPOINTMENT_BOOKED);
  }
}
