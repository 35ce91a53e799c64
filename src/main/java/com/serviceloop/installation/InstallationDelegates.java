package com.serviceloop.installation;

import com.serviceloop.common.Moments;
import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.coverage.CoverageResult;
import com.serviceloop.coverage.CoverageService;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The glue of processes/broadband-installation.bpmn: one bean per step (named as in the model's
 * delegateExpression), each reading variables, calling a domain service and writing results.
 */
@Configuration
public class InstallationDelegates {

  static final String NOT_PAID_REMARK = "400, not paid";

  private final InstallationService installation;
  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final CoverageService coverage;
  private final WorkOrderRepository workOrders;
  private final NotificationPort notifications;
  private final OrderSystemPort orderSystem;
  private final WorkingTimeCalendar calendar;
  private final IntakeWindow window;

  public InstallationDelegates(InstallationService installation, InstallationOrders orders,
      InstallationDeadlines deadlines, CoverageService coverage, WorkOrderRepository workOrders,
      NotificationPort notifications, OrderSystemPort orderSystem, WorkingTimeCalendar calendar,
      IntakeWindow window) {
    this.window = window;
    this.installation = installation;
    this.orders = orders;
    this.deadlines = deadlines;
    this.coverage = coverage;
    this.workOrders = workOrders;
    this.notifications = notifications;
    this.orderSystem = orderSystem;
    this.calendar = calendar;
  }

  /**
   * Registers the work order; its number becomes the business key. A hall order's volume coefficient is the
   * model's input parameter {@code hallVolumeCoefficient}.
   */
  @Bean
  public JavaDelegate registerBroadbandOrder() {
    return execution -> {
      BroadbandOrder order = BroadbandOrderRequest.fromVariables(execution.getVariables(), calendar.zone(), window);
      BigDecimal coefficient = BroadbandOrderRequest.decimal(execution.getVariable(HALL_VOLUME_COEFFICIENT));
      if (order.paidAtHall() && (coefficient == null || coefficient.signum() <= 0)) {
        throw new IllegalStateException("The register step needs the input parameter " + HALL_VOLUME_COEFFICIENT
            + " (> 0) for hall orders");
      }
      String orderNo = installation.register(order, execution.getProcessInstanceId(), coefficient);
      execution.setProcessBusinessKey(orderNo);
      execution.setVariable(ORDER_NO, orderNo);
      execution.setVariable(ACCEPTED_AT, Moments.toDate(order.acceptedAt()));
      execution.setVariable(PAID_AT_HALL, order.paidAtHall());
      if (order.paymentAmount() != null) {
        execution.setVariable(PAYMENT_AMOUNT, order.paymentAmount().doubleValue());
      }
    };
  }

  /**
   * The deadlines of a covered order, counted from acceptance with the rows Task_DetermineTimeLimits mapped
   * from installation-time-limit (no extraction for hall orders, no audit for the others; appointment and
   * installation for every order), and the installation row's damages rate.
   */
  @Bean
  public JavaDelegate computeInstallationDeadlines() {
    return execution -> {
      deadlines.requireOneRowPerMilestone(execution);
      Instant accepted = Moments.toInstant(execution.getVariable(ACCEPTED_AT), calendar.zone());
      Instant extractionDue = deadlines.due(execution, Milestone.EXTRACTION, accepted);
      Instant appointmentDue = deadlines.requiredDue(execution, Milestone.APPOINTMENT, accepted);
      Instant installationDue = deadlines.requiredDue(execution, Milestone.INSTALLATION, accepted);
      execution.setVariable(EXTRACTION_DUE, Moments.toDate(extractionDue));
      execution.setVariable(AUDIT_DUE, Moments.toDate(deadlines.due(execution, Milestone.AUDIT, accepted)));
      execution.setVariable(APPOINTMENT_DUE, Moments.toDate(appointmentDue));
      execution.setVariable(INSTALLATION_DUE, Moments.toDate(installationDue));
      execution.setVariable(DAMAGES_RATE, deadlines.damagesRatePerDay(execution));
      orders.setDeadlines(orderNo(execution), extractionDue, appointmentDue, installationDue);
      workOrders.flagUnscheduledYear(orderNo(execution),
          deadlines.unscheduledYear(execution, Milestone.EXTRACTION, accepted, extractionDue));
      workOrders.flagUnscheduledYear(orderNo(execution),
          deadlines.unscheduledYear(execution, Milestone.APPOINTMENT, accepted, appointmentDue));
      workOrders.flagUnscheduledYear(orderNo(execution),
          deadlines.unscheduledYear(execution, Milestone.INSTALLATION, accepted, installationDue));
    };
  }

  /**
   * The coverage check at acceptance: a free port is reserved for the order in the same step (one
   * conditional UPDATE), so the last port of a building is promised to one customer only.
   */
  @Bean
  public JavaDelegate checkCoverage() {
    return execution -> {
      CoverageResult result = coverage.reserve(orderNo(execution), string(execution, REGION),
          string(execution, COMPOUND), string(execution, BUILDING));
      execution.setVariable(COVERAGE_RESULT, result.name());
      orders.setCoverageResult(orderNo(execution), result.name());
    };
  }

  /** No coverage or no free port: the customer is told, the demand recorded, the order closed. */
  @Bean
  public JavaDelegate recordUnmetDemand() {
    return execution -> {
      String orderNo = orderNo(execution);
      CoverageResult result = CoverageResult.valueOf(string(execution, COVERAGE_RESULT));
      coverage.recordDemand(orderNo, result, string(execution, REGION), string(execution, COMPOUND),
          string(execution, BUILDING), string(execution, ROOM), string(execution, CUSTOMER_PHONE));
      String text = result == CoverageResult.NOT_COVERED
          ? "您申请宽带的地址暂未覆盖网络，需求已登记，网络覆盖后我们会联系您。订单 " + orderNo
          : "您申请宽带的楼宇端口已满，需求已登记，扩容后我们会联系您。订单 " + orderNo;
      notifications.send(Notification.sms(orderNo, string(execution, CUSTOMER_PHONE),
          "BROADBAND_" + result.name(), text));
      workOrders.recordClosure(orderNo, result.name(), WorkOrderRepository.now());
    };
  }

  /** Task listener (complete) of the back office's extraction. */
  @Bean
  public TaskListener recordExtraction() {
    return task -> orders.recordExtraction(orderNo(task), WorkOrderRepository.now());
  }

  /** Enters the order in PBOSS (asynchronous step: a failing order system becomes an incident). */
  @Bean
  public JavaDelegate enterOrderInOrderSystem() {
    return execution -> {
      boolean paid = Boolean.TRUE.equals(execution.getVariable(PAID_AT_HALL));
      String systemNo = orderSystem.enterOrder(orderNo(execution), string(execution, REGION),
          string(execution, BROADBAND_PACKAGE), paid ? null : NOT_PAID_REMARK);
      execution.setVariable(ORDER_SYSTEM_NO, systemNo);
      orders.recordOrderSystemNo(orderNo(execution), systemNo);
      workOrders.setStatus(orderNo(execution), "ENTERED");
    };
  }

  /** The accepting hall's first-level audit: an irregular order is reported to the model's notifyGroup. */
  @Bean
  public JavaDelegate recordHallAudit() {
    return execution -> {
      if ("IRREGULAR".equals(execution.getVariable(AUDIT_RESULT))) {
        notifications.send(Notification.staff(orderNo(execution), notifyGroup(execution), "INSTALLATION_AUDIT_IRREGULAR",
            "Hall order " + orderNo(execution) + " failed the first-level audit: " + execution.getVariable(AUDIT_NOTE)));
      }
    };
  }

  /** Task listener (complete) of the appointment call: the agreed visit time. */
  @Bean
  public TaskListener recordInstallationAppointment() {
    return task -> {
      Instant at = required(task, APPOINTMENT_AT);
      task.setVariable(APPOINTMENT_AT, Moments.toDate(at));
      orders.recordAppointment(orderNo(task), at, WorkOrderRepository.now());
      workOrders.setStatus(orderNo(task), "APPOINTMENT_BOOKED");
    };
  }

  /** Dispatch to the installers: the internal target (装机及时率) starts now; it is the completion deadline. */
  @Bean
  public JavaDelegate dispatchToInstaller() {
    return execution -> {
      Instant now = WorkOrderRepository.now();
      Instant target = deadlines.requiredDue(execution, Milestone.INSTALL_TARGET, now);
      workOrders.recordDispatch(orderNo(execution), now);
      orders.setInstallTarget(orderNo(execution), target);
      execution.setVariable(INSTALL_TARGET_DUE, Moments.toDate(target));
      workOrders.setStatus(orderNo(execution), "DISPATCHED");
    };
  }

  /**
   * A new visit: the customer moved it (RESCHEDULED), or the visit failed and the installer agreed a new
   * one (FAILED, next step RESCHEDULE; the customer is told the new time by SMS). Recorded with its
   * reason; no deadline moves.
   */
  @Bean
  public JavaDelegate recordReschedule() {
    return execution -> {
      String orderNo = orderNo(execution);
      boolean failed = FAILED.equals(string(execution, INSTALL_OUTCOME));
      String reason = failed
          ? "FAILED " + string(execution, FAILURE_REASON) + ": " + string(execution, FAILURE_NOTE)
          : string(execution, RESCHEDULE_REASON);
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("A reschedule needs the customer's reason (" + RESCHEDULE_REASON + ")");
      }
      Instant newAt = required(execution, NEW_APPOINTMENT_AT);
      Instant previous = Moments.toInstant(execution.getVariable(APPOINTMENT_AT), calendar.zone());
      orders.recordAppointmentChange(orderNo, previous, newAt, reason);
      execution.setVariable(APPOINTMENT_AT, Moments.toDate(newAt));
      if (failed) {
        notifications.send(Notification.sms(orderNo, string(execution, CUSTOMER_PHONE),
            "BROADBAND_VISIT_RESCHEDULED", "您的宽带装机上门未能完成，已为您重新预约 " + calendar.display(Moments.toDate(newAt))
                + "，装维人员届时上门。订单 " + orderNo));
      }
      for (String name : new String[] {NEW_APPOINTMENT_AT, FAILURE_REASON, FAILURE_NOTE, FAILURE_NEXT_STEP}) {
        execution.removeVariable(name);
      }
    };
  }

  /** Task listener (complete) of the on-site task: the installer who did the job (the authenticated user). */
  @Bean
  public TaskListener recordInstaller() {
    return task -> {
      if (INSTALLED.equals(string(task, INSTALL_OUTCOME))) {
        String user = authenticatedUser(task);
        task.setVariable(INSTALLED_BY, user);
        orders.recordInstalledBy(orderNo(task), user);
      }
    };
  }

  /**
   * The failed visit is not repeated: the order is cancelled, its reserved port released, the customer
   * told by SMS, the work order closed as CANCELLED (reached through the fulfilment's error boundary,
   * which also ends its deadline timers).
   */
  @Bean
  public JavaDelegate cancelInstallation() {
    return execution -> {
      String orderNo = orderNo(execution);
      coverage.release(orderNo);
      notifications.send(Notification.sms(orderNo, string(execution, CUSTOMER_PHONE), "BROADBAND_CANCELLED",
          "您的宽带装机未能完成，订单已取消，如需办理请重新申请。订单 " + orderNo));
      workOrders.recordClosure(orderNo, "CANCELLED", WorkOrderRepository.now());
    };
  }

  /**
   * End listener of the process: however the order ends without its installation (cancelled, not
   * covered, deleted in Cockpit), a port still reserved for it is released. Installed orders consumed theirs.
   */
  @Bean
  public ExecutionListener releasePortWithOrder() {
    return execution -> {
      String orderNo = execution.getProcessBusinessKey();
      if (orderNo != null) {
        coverage.release(orderNo);
      }
    };
  }

  /** Installed: the port is taken, completion and on-site payment recorded, in the task's transaction. */
  @Bean
  public JavaDelegate recordInstallation() {
    return execution -> {
      String orderNo = orderNo(execution);
      Instant now = WorkOrderRepository.now();
      if (!Boolean.TRUE.equals(execution.getVariable(PAID_AT_HALL))) {
        String method = string(execution, PAYMENT_METHOD);
        BigDecimal amount = BroadbandOrderRequest.decimal(execution.getVariable(PAYMENT_AMOUNT));
        if (method == null || amount == null || amount.signum() < 0) {
          throw new IllegalArgumentException("An order paid on site needs " + PAYMENT_METHOD + " (POS, CASH) and "
              + PAYMENT_AMOUNT + " >= 0");
        }
        orders.recordOnSitePayment(orderNo, PaymentMethod.valueOf(method).name(), amount);
      }
      coverage.consume(orderNo);   // the port reserved at acceptance; never refused at this point
      workOrders.recordCompletion(orderNo, now);   // on time against the internal target (装机及时率)
      workOrders.setStatus(orderNo, "INSTALLED");
      execution.setVariable(RETURN_ORDER_DUE,
          Moments.toDate(deadlines.requiredDue(execution, Milestone.RETURN_ORDER, now)));
    };
  }

  /** Task listener (complete) of the return order: the cash handover is due next. */
  @Bean
  public TaskListener scheduleCashHandover() {
    return task -> task.setVariable(HANDOVER_DUE,
        Moments.toDate(deadlines.requiredDue(task, Milestone.CASH_HANDOVER, WorkOrderRepository.now())));
  }

  /** Task listener (complete) of the installer's handover: the first signature is the authenticated user. */
  @Bean
  public TaskListener recordInstallerHandover() {
    return task -> task.setVariable(HANDOVER_INSTALLER_USER, signature(task));
  }

  /**
   * Task listener (complete) of the back office's receipt: the second signature, by another authenticated
   * user than the installer's (the submission rule answers 400 first; this is the engine's own guard).
   */
  @Bean
  public TaskListener recordBackOfficeHandover() {
    return task -> {
      String user = signature(task);
      if (user.equals(string(task, HANDOVER_INSTALLER_USER))) {
        throw new IllegalArgumentException("The cash handover needs both signatures by two different users: "
            + user + " already signed as the installer");
      }
      task.setVariable(HANDOVER_BACK_OFFICE_USER, user);
    };
  }

  /**
   * Both signatures (two different authenticated users), and the amount the back office received must
   * match what was collected and what the installer declared handing over.
   */
  @Bean
  public JavaDelegate checkCashHandover() {
    return execution -> {
      String orderNo = orderNo(execution);
      String backOffice = string(execution, HANDOVER_BACK_OFFICE_USER);
      String installer = string(execution, HANDOVER_INSTALLER_USER);
      if (backOffice == null || installer == null || backOffice.equals(installer)) {
        throw new IllegalArgumentException("The cash handover needs both signatures: back office and installer, "
            + "two different users");
      }
      BigDecimal handedOver = BroadbandOrderRequest.decimal(execution.getVariable(HANDOVER_AMOUNT));
      BigDecimal declared = BroadbandOrderRequest.decimal(execution.getVariable(INSTALLER_HANDOVER_AMOUNT));
      BigDecimal collected = (BigDecimal) orders.row(orderNo).get("PAYMENT_AMOUNT");
      boolean matches = InstallationService.handoverMatches(collected, handedOver)
          && (declared == null || declared.compareTo(handedOver) == 0);
      orders.recordHandover(orderNo, backOffice, installer, handedOver, matches);
      execution.setVariable(HANDOVER_MATCHES, matches);
      if (!matches) {
        workOrders.setStatus(orderNo, "PAYMENT_MISMATCH");
        execution.setVariable(PAYMENT_REVIEW_DUE, Moments.toDate(
            deadlines.requiredDue(execution, Milestone.PAYMENT_REVIEW, WorkOrderRepository.now())));
        notifications.send(Notification.staff(orderNo, notifyGroup(execution), "INSTALLATION_PAYMENT_MISMATCH",
            "Cash handover of " + orderNo + ": collected " + collected + ", installer handed over " + declared
                + ", back office received " + handedOver));
      }
    };
  }

  /** At closure: liquidated damages for a late installation, and the return visit's group and deadline. */
  @Bean
  public JavaDelegate computeInstallationRemedy() {
    return execution -> {
      String orderNo = orderNo(execution);
      Map<String, Object> row = orders.row(orderNo);
      Object rate = execution.getVariable(DAMAGES_RATE);
      InstallationService.Remedy remedy = InstallationService.remedy(
          orders.installationDue(orderNo), workOrders.get(orderNo).completedAt(),
          rate == null ? 0 : ((Number) rate).doubleValue(), (BigDecimal) row.get("PAYMENT_AMOUNT"));
      workOrders.recordRemedy(orderNo, remedy.amount());
      orders.recordDaysLate(orderNo, remedy.daysLate());
      execution.setVariable(REMEDY_AMOUNT, remedy.amount().doubleValue());
      execution.setVariable(RETURN_VISIT_DUE, Moments.toDate(
          deadlines.requiredDue(execution, Milestone.RETURN_VISIT, WorkOrderRepository.now())));
    };
  }

  @Bean
  public JavaDelegate closeInstallationOrder() {
    // Timely handling (工单处理及时率) judges an installation by the customer promise (3 natural days).
    return execution -> workOrders.recordClosureJudgedByCompletion(orderNo(execution), "CLOSED",
        WorkOrderRepository.now(), orders.installationDue(orderNo(execution)));
  }

  /** A missed deadline (input parameters breachReason, breachDeadline): a breach row; the work goes on. */
  @Bean
  public JavaDelegate recordInstallationBreach() {
    return execution -> workOrders.recordBreach(orderNo(execution), string(execution, BREACH_REASON),
        Moments.toInstant(execution.getVariable(BREACH_DEADLINE), calendar.zone()), WorkOrderRepository.now());
  }

  /** The supervisor's instruction (from the escalation) reaches the staff working on the order (notifyGroup). */
  @Bean
  public JavaDelegate forwardInstallationInstruction() {
    return execution -> notifications.send(Notification.staff(orderNo(execution), notifyGroup(execution),
        "ESCALATION_INSTRUCTION", "Instruction for " + orderNo(execution) + ": "
            + execution.getVariable(ESCALATION_INSTRUCTION)));
  }

  private static String orderNo(VariableScope scope) {
    return CaseOrder.orderNo(scope);
  }

  /** The group the model names on the step (input parameter notifyGroup): the step refuses to run without one. */
  private static String notifyGroup(VariableScope scope) {
    String group = string(scope, NOTIFY_GROUP);
    if (group == null || group.isBlank()) {
      throw new IllegalStateException("The step needs the input parameter " + NOTIFY_GROUP + " (the group to tell)");
    }
    return group;
  }

  private static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The engine's authenticated user completing the task (public API), or null without one. */
  private static String authenticatedUser(DelegateTask task) {
    // getCurrentAuthentication() is public API; its return type lives in the engine's impl package, so only
    // its getter is used (as SubmissionGuard does)
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** A signature is the authenticated user: a handover without one is refused. */
  private static String signature(DelegateTask task) {
    String user = authenticatedUser(task);
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("The cash handover needs both signatures: each is the authenticated user "
          + "who completes the task, and there is none");
    }
    return user;
  }

  private Instant required(VariableScope scope, String name) {
    Instant at = Moments.toInstant(scope.getVariable(name), calendar.zone());
    if (at == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return at;
  }
}
