package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.common.Moments;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue of processes/fault-repair.bpmn: one bean per step (named as in the model's
 * delegateExpression), each reading variables, calling a domain service and writing results.
 */
@Configuration
public class FaultRepairDelegates {

  public static final String CATEGORY = "FAULT";

  private final FaultTimeLimits timeLimits;
  private final FaultOrders faults;
  private final WorkOrderRepository workOrders;
  private final NotificationPort notifications;
  private final WorkingTimeCalendar calendar;
  private final IntakeWindow window;

  public FaultRepairDelegates(FaultTimeLimits timeLimits, FaultOrders faults, WorkOrderRepository workOrders,
      NotificationPort notifications, WorkingTimeCalendar calendar, IntakeWindow window) {
    this.window = window;
    this.timeLimits = timeLimits;
    this.faults = faults;
    this.workOrders = workOrders;
    this.notifications = notifications;
    this.calendar = calendar;
  }

  /** Registers the fault order (business key = order number) with its deadlines from the DMN. */
  @Bean
  public JavaDelegate registerFaultReport() {
    return execution -> {
      FaultReport report = FaultReportRequest.fromVariables(execution.getVariables(), calendar.zone(), window, false);
      FaultTimeLimits.Limits limits = timeLimits.limits(report.area().name(), report.customerSegment().name());
      String orderNo = workOrders.create(new NewWorkOrder(OrderType.FAULT_REPAIR, "RECEIVED",
          execution.getProcessInstanceId(), report.channel().name(), CATEGORY, report.region(),
          report.customerSegment().name(), null, null, report.customerPhone(), report.customerName(),
          report.description(), null, limits.contactGroup(), report.receivedAt()));
      faults.recordIntake(orderNo, report);
      Instant firstContactDue = timeLimits.due(report.receivedAt(), limits.firstContactLimit(),
          limits.firstContactTimeMode());
      Instant repairDue = timeLimits.due(report.receivedAt(), limits.repairLimit(), limits.repairTimeMode());
      workOrders.setServiceLevel(orderNo, limits.priority(), firstContactDue, repairDue, null);
      workOrders.flagUnscheduledYear(orderNo, timeLimits.unscheduledYear(report.receivedAt(), firstContactDue,
          limits.firstContactTimeMode()));
      workOrders.flagUnscheduledYear(orderNo, timeLimits.unscheduledYear(report.receivedAt(), repairDue,
          limits.repairTimeMode()));
      execution.setProcessBusinessKey(orderNo);
      execution.setVariable(ORDER_NO, orderNo);
      execution.setVariable(RECEIVED_AT, Moments.toDate(report.receivedAt()));
      execution.setVariable(CUSTOMER_SEGMENT, report.customerSegment().name());
      execution.setVariable(FIRST_CONTACT_DUE, Moments.toDate(firstContactDue));
      execution.setVariable(REPAIR_DUE, Moments.toDate(repairDue));
      execution.setVariable(PRIORITY, limits.priority());
      execution.setVariable(CONTACT_GROUP, limits.contactGroup());
      execution.setVariable(RETURN_ORDER_LIMIT, limits.returnOrderLimit());
      execution.setVariable(RETURN_VISIT_LIMIT, limits.returnVisitLimit());
    };
  }

  /** Task listener (complete) of the first contact: on time against its deadline. */
  @Bean
  public TaskListener recordFaultFirstContact() {
    return task -> {
      workOrders.recordFirstContact(orderNo(task), WorkOrderRepository.now());
      workOrders.setStatus(orderNo(task), "CONTACTED");
    };
  }

  /** Not fixed remotely: the agreed visit is recorded (it counts in the on-site appointment rate). */
  @Bean
  public JavaDelegate recordFaultAppointment() {
    return execution -> {
      Instant at = Moments.toInstant(execution.getVariable(APPOINTMENT_AT), calendar.zone());
      if (at == null) {
        throw new IllegalArgumentException(APPOINTMENT_AT + " is required when the fault needs an on-site visit");
      }
      execution.setVariable(APPOINTMENT_AT, Moments.toDate(at));
      workOrders.recordAppointment(orderNo(execution), at);
      workOrders.recordDispatch(orderNo(execution), WorkOrderRepository.now());
      workOrders.setStatus(orderNo(execution), "APPOINTMENT_BOOKED");
    };
  }

  /** Repaired (remotely or on site): completion against the repair deadline. */
  @Bean
  public JavaDelegate recordFaultRepair() {
    return execution -> {
      String orderNo = orderNo(execution);
      Instant now = WorkOrderRepository.now();
      boolean remotely = Boolean.TRUE.equals(execution.getVariable(RESOLVED_REMOTELY));
      workOrders.recordCompletion(orderNo, now);
      faults.recordResolvedRemotely(orderNo, remotely);
      Object note = remotely ? execution.getVariable(RESOLUTION_NOTE) : execution.getVariable(REPAIR_NOTE);
      Object cause = execution.getVariable(FAULT_CAUSE);
      workOrders.recordResolution(orderNo, note == null ? null : note.toString(), cause == null ? null : cause.toString(),
          null, null, null);
      workOrders.setStatus(orderNo, "REPAIRED");
      execution.setVariable(RETURN_ORDER_DUE, Moments.toDate(
          timeLimits.due(now, (String) execution.getVariable(RETURN_ORDER_LIMIT), TimeMode.NATURAL)));
    };
  }

  /** Before the return visit: who calls, by when. */
  @Bean
  public JavaDelegate scheduleFaultReturnVisit() {
    return execution -> {
      execution.setVariable(RETURN_VISIT_DUE, Moments.toDate(timeLimits.due(WorkOrderRepository.now(),
          (String) execution.getVariable(RETURN_VISIT_LIMIT), TimeMode.NATURAL)));
    };
  }

  @Bean
  public JavaDelegate closeFaultOrder() {
    // Timely handling (工单处理及时率) judges a repair by its repair limit (48 h urban, 72 h rural).
    return execution -> {
      String orderNo = orderNo(execution);
      workOrders.recordClosureJudgedByCompletion(orderNo, "CLOSED", WorkOrderRepository.now(),
          workOrders.get(orderNo).completionDue());
    };
  }

  /**
   * A missed deadline (input parameters breachReason, breachDeadline): a breach row; a missed repair
   * also records the fee reduction the customer is owed (art. 33).
   */
  @Bean
  public JavaDelegate recordFaultBreach() {
    return execution -> {
      String reason = (String) execution.getVariable(BREACH_REASON);
      workOrders.recordBreach(orderNo(execution), reason,
          Moments.toInstant(execution.getVariable(BREACH_DEADLINE), calendar.zone()), WorkOrderRepository.now());
      if ("REPAIR_OVERDUE".equals(reason)) {
        faults.recordFeeReductionDue(orderNo(execution));
      }
    };
  }

  /** The supervisor's instruction (from the escalation) reaches the group working on the fault. */
  @Bean
  public JavaDelegate forwardFaultInstruction() {
    return execution -> notifications.send(Notification.staff(orderNo(execution),
        (String) execution.getVariable(CONTACT_GROUP), "ESCALATION_INSTRUCTION",
        "Instruction for " + orderNo(execution) + ": " + execution.getVariable(ESCALATION_INSTRUCTION)));
  }

  private static String orderNo(VariableScope scope) {
    return CaseOrder.orderNo(scope);
  }
}
