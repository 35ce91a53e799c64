package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the fault order (business key = order number) with its deadlines from the DMN. */
@Component("registerFaultReport")
@RequiredArgsConstructor
public class RegisterFaultReportDelegate implements JavaDelegate {

  private final FaultTimeLimits timeLimits;
  private final FaultOrders faults;
  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;
  private final IntakeWindow window;

  @Override
  public void execute(DelegateExecution execution) {
    FaultReport report = FaultReportRequest.fromVariables(execution.getVariables(), calendar.zone(), window, false);
    FaultTimeLimits.Limits limits = timeLimits.limits(report.area().name(), report.customerSegment().name());
    String orderNo = workOrders.create(new NewWorkOrder(OrderType.FAULT_REPAIR, STATUS_RECEIVED,
        execution.getProcessInstanceId(), report.channel().name(), CATEGORY, report.region(),
        report.customerSegment().name(), null, null, report.customerPhone(), report.customerName(),
        report.description(), null, limits.contactGroup(), report.receivedAt()));
    faults.recordIntake(orderNo, report);
    Instant firstContactDue = timeLimits.due(report.receivedAt(), limits.firstContactLimit(),
        limits.firstContactTimeMode());
    Instant repairDue = timeLimits.due(report.receivedAt(), limits.repairLimit(), limits.repairTimeMode());
    workOrders.setServiceLevel(orderNo, limits.priority(), firstContactDue, limits.firstContactTimeMode().name(),
        repairDue, null, limits.repairTimeMode().name());
    workOrders.flagUnscheduledYear(orderNo, timeLimits.unscheduledYear(report.receivedAt(), firstContactDue,
        limits.firstContactTimeMode()));
    workOrders.flagUnscheduledYear(orderNo, timeLimits.unscheduledYear(report.receivedAt(), repairDue,
        limits.repairTimeMode()));
    execution.setProcessBusinessKey(orderNo);
    execution.setVariable(ORDER_NO, orderNo);
    execution.setVariable(RECEIVED_AT, Moments.toDate(report.receivedAt()));
    execution.setVariable(CUSTOMER_SEGMENT, report.customerSegment().name());
    execution.setVariable(FIRST_CONTACT_DUE, Moments.toDate(firstContactDue));
    execution.setVariable(FIRST_CONTACT_TIME_MODE, limits.firstContactTimeMode().name());
    execution.setVariable(REPAIR_TIME_MODE, limits.repairTimeMode().name());
    execution.setVariable(REPAIR_DUE, Moments.toDate(repairDue));
    execution.setVariable(PRIORITY, limits.priority());
    execution.setVariable(CONTACT_GROUP, limits.contactGroup());
    execution.setVariable(RETURN_ORDER_LIMIT, limits.returnOrderLimit());
    execution.setVariable(RETURN_VISIT_LIMIT, limits.returnVisitLimit());
  }
}
