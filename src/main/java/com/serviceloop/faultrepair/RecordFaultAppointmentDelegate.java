package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Not fixed remotely: the agreed visit is recorded (it counts in the on-site appointment rate). */
@Component("recordFaultAppointment")
@RequiredArgsConstructor
public class RecordFaultAppointmentDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    Instant at = Moments.toInstant(execution.getVariable(APPOINTMENT_AT), calendar.zone());
    if (at == null) {
      throw new IllegalArgumentException(APPOINTMENT_AT + " is required when the fault needs an on-site visit");
    }
    String orderNo = CaseOrder.orderNo(execution);
    execution.setVariable(APPOINTMENT_AT, Moments.toDate(at));
    workOrders.recordAppointment(orderNo, at);
    workOrders.recordDispatch(orderNo, WorkOrderRepository.now());
    workOrders.setStatus(orderNo, STATUS_APPOINTMENT_BOOKED);
  }
}
