package com.serviceloop.installation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/broadband-installation.bpmn on the real engine: each channel, no coverage, no port, payment
 * mismatch, reschedule, each missed deadline and the liquidated damages. The escalation process is another
 * capability's: ${requestEscalation} starts it for real, and the tests read the reason it was given.
 */
@ServiceLoopTest
class BroadbandInstallationProcessTest {

  static final String EXTRACT = "Task_ExtractPreRegistration";
  static final String ENTER_ORDER = "ServiceTask_EnterOrderInOrderSystem";
  static final String AUDIT = "Task_FirstLevelAudit";
  static final String BOOK = "Task_BookAppointment";
  static final String INSTALL = "Task_InstallOnSite";
  static final String RETURN_ORDER = "Task_ReturnOrder";
  static final String HANDOVER = "Task_CashHandover";
  static final String CONFIRM_HANDOVER = "Task_ConfirmCashHandover";
  static final String CORRECT = "Task_CorrectHallOrder";
  static final String INSTALLER = "installer-zhao";
  static final String BACK_OFFICE = "backoffice-wang";
  static final String MISMATCH = "Task_ResolvePaymentMismatch";
  static final String RETURN_VISIT = "CallActivity_ReturnVisit";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkOrderRepository workOrders;
  @Autowired InstallationOrders orders;
  @Autowired RecordingOrderSystemAdapter orderSystem;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  String region;

  @BeforeEach
  void setUp() {
    init(processEngine);
    region = "Test-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES (?, 'Garden', '1', 5, CURRENT_TIMESTAMP)", region);
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES (?, 'Garden', '2', 0, CURRENT_TIMESTAMP)", region);
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES (?, 'Garden', '3', 1, CURRENT_TIMESTAMP)", region);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  // ---------------------------------------------------------------- channels

  @Test
  void hotline400Order_extractEnterBookInstallReturnHandOver_thenReturnVisit() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);

    // the example: accepted Wed 15:30 → extraction 17:30, appointment Thu 15:30, installation Sat 15:30
    assertThat(order).isWaitingAt(EXTRACT);
    assertThat(task(EXTRACT)).hasCandidateGroup("back-office");
    Assertions.assertThat(task(EXTRACT).getDueDate()).isEqualTo(at("2026-11-18T17:30+08:00"));
    Assertions.assertThat(timer(order, "Timer_ExtractionDue").getDuedate()).isEqualTo(at("2026-11-18T17:30+08:00"));
    Assertions.assertThat(timer(order, "Timer_InstallationDue").getDuedate()).isEqualTo(at("2026-11-21T15:30+08:00"));
    WorkOrder accepted = workOrders.get(orderNo);
    Assertions.assertThat(accepted.status()).isEqualTo("ACCEPTED");
    Assertions.assertThat(orders.installationDue(orderNo)).isEqualTo(at("2026-11-21T15:30+08:00").toInstant());
    Assertions.assertThat(accepted.completionDue()).isNull();   // the internal target starts at dispatch
    Assertions.assertThat(orders.row(orderNo)).containsEntry("COVERAGE_RESULT", "AVAILABLE");
    Assertions.assertThat(instant(orders.row(orderNo).get("EXTRACTION_DUE"))).isEqualTo(at("2026-11-18T17:30+08:00"));
    Assertions.assertThat(instant(orders.row(orderNo).get("APPOINTMENT_DUE"))).isEqualTo(at("2026-11-19T15:30+08:00"));

    ClockUtil.setCurrentTime(at("2026-11-18T16:00+08:00"));
    complete(task(EXTRACT), withVariables("extractionNote", "extracted"));
    assertThat(order).isWaitingAt(ENTER_ORDER);
    execute(job(ENTER_ORDER));
    Assertions.assertThat(orderSystem.remarkOf(orderNo)).isEqualTo("400, not paid");
    Assertions.assertThat((String) orders.row(orderNo).get("ORDER_SYSTEM_NO")).startsWith("PB");
    Assertions.assertThat(instant(orders.row(orderNo).get("EXTRACTED_AT"))).isEqualTo(at("2026-11-18T16:00+08:00"));

    assertThat(order).isWaitingAt(BOOK);
    assertThat(task(BOOK)).hasCandidateGroup("network");
    Assertions.assertThat(task(BOOK).getPriority()).isEqualTo(80);
    Assertions.assertThat(task(BOOK).getDueDate()).isEqualTo(at("2026-11-19T15:30+08:00"));
    ClockUtil.setCurrentTime(at("2026-11-19T10:00+08:00"));
    complete(task(BOOK), withVariables("appointmentAt", "2026-11-20T09:00+08:00"));

    assertThat(order).isWaitingAt(INSTALL);
    assertThat(task(INSTALL)).hasCandidateGroup("installers-own").hasCandidateGroup("installers-outsourced");
    Assertions.assertThat(task(INSTALL).getDueDate()).isEqualTo(at("2026-11-21T15:30+08:00"));
    // internal target: 3 working days after dispatch (Thu 10:00 → Tue 10:00)
    Assertions.assertThat(workOrders.get(orderNo).completionDue()).isEqualTo(at("2026-11-24T10:00+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).dispatchedAt()).isEqualTo(at("2026-11-19T10:00+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).appointmentAt()).isEqualTo(at("2026-11-20T09:00+08:00").toInstant());

    ClockUtil.setCurrentTime(at("2026-11-20T09:30+08:00"));
    install(order, "POS", 200);
    Assertions.assertThat(freePorts("1")).isEqualTo(4);
    WorkOrder installed = workOrders.get(orderNo);
    Assertions.assertThat(installed.status()).isEqualTo("INSTALLED");
    Assertions.assertThat(installed.completionOnTime()).isTrue();
    Assertions.assertThat(orders.row(orderNo)).containsEntry("PAYMENT_METHOD", "POS");

    assertThat(order).isWaitingAt(RETURN_ORDER);
    Assertions.assertThat(task(RETURN_ORDER).getDueDate()).isEqualTo(at("2026-11-21T09:30+08:00"));
    complete(task(RETURN_ORDER), withVariables("formsHandedIn", true));
    // the cash handover: the installer who did the job hands over in a task of their own, then the back office
    assertThat(order).isWaitingAt(CONFIRM_HANDOVER);
    assertThat(task(CONFIRM_HANDOVER)).isAssignedTo(INSTALLER);
    Assertions.assertThat(processEngine.getTaskService().getIdentityLinksForTask(task(CONFIRM_HANDOVER).getId()))
        .filteredOn(link -> "candidate".equals(link.getType())).extracting(link -> link.getGroupId())
        .containsExactlyInAnyOrder("installers-own", "installers-outsourced");
    Assertions.assertThat(task(CONFIRM_HANDOVER).getDueDate()).isEqualTo(at("2026-11-23T09:30+08:00"));
    Assertions.assertThat(orders.row(orderNo)).containsEntry("INSTALLED_BY", INSTALLER);
    confirmHandover(200);
    assertThat(order).isWaitingAt(HANDOVER);
    assertThat(task(HANDOVER)).hasCandidateGroup("back-office");
    Assertions.assertThat(task(HANDOVER).getDueDate()).isEqualTo(at("2026-11-23T09:30+08:00"));
    receiveHandover(200);
    Assertions.assertThat(orders.row(orderNo)).containsEntry("HANDOVER_INSTALLER", INSTALLER)
        .containsEntry("HANDOVER_BACK_OFFICE", BACK_OFFICE);

    assertThat(order).isWaitingAt(RETURN_VISIT).variables()
        .containsEntry("returnVisitDue", at("2026-11-21T09:30+08:00"))
        .containsEntry("handoverMatches", true);
    Assertions.assertThat(workOrders.get(orderNo).remedyAmount()).isEqualByComparingTo("0");
    finishReturnVisit(order);
    assertThat(order).isEnded().hasPassed("ServiceTask_CloseOrder").variables()
        .containsEntry("returnVisitOutcome", "SATISFIED");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("CLOSED");
    Assertions.assertThat(workOrders.get(orderNo).satisfaction()).isEqualTo("SATISFIED");
    // timely handling judges the installation by the customer promise, not by the paperwork's end
    Assertions.assertThat(workOrders.get(orderNo).closureDue()).isEqualTo(at("2026-11-21T15:30+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).closureOnTime()).isTrue();
    Assertions.assertThat(workOrders.breachReasons(orderNo)).isEmpty();
    Assertions.assertThat(escalations(orderNo)).isEmpty();
  }

  @Test
  void theInstallationPromiseWarnsAtHalfAndThreeQuartersOfItsThreeDays() {
    // accepted Wednesday 15:30, promise P3D natural → Saturday 15:30; sla-warning (clock INSTALLATION, warnDuring
    // WORKING_HOURS): 50 % → Friday 03:30, at night → Friday 09:00; 75 % → Friday 21:30, whose next working start
    // (Monday 09:00) is past the deadline: it keeps its moment, a warning always precedes the breach
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(timer(order, "Timer_InstallationWarning1").getDuedate()).isEqualTo(at("2026-11-20T09:00+08:00"));
    Assertions.assertThat(timer(order, "Timer_InstallationWarning2").getDuedate()).isEqualTo(at("2026-11-20T21:30+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("INSTALLATION_WARN1_AT"))).isEqualTo(at("2026-11-20T09:00+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("INSTALLATION_WARN2_AT"))).isEqualTo(at("2026-11-20T21:30+08:00"));
    Assertions.assertThat(timer(order, "Timer_InstallationDue").getDuedate()).as("the breach is never moved")
        .isEqualTo(at("2026-11-21T15:30+08:00"));
    // one sla-warning decision per clock (installation, extraction, appointment): warnDuring comes from the
    // model's mapping, not from a second evaluation for the night-time warning
    Assertions.assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("sla-warning")
        .processInstanceId(order.getId()).count()).isEqualTo(3);

    ClockUtil.setCurrentTime(at("2026-11-20T09:00+08:00"));
    execute(timer(order, "Timer_InstallationWarning1"));
    ClockUtil.setCurrentTime(at("2026-11-20T21:30+08:00"));
    execute(timer(order, "Timer_InstallationWarning2"));

    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("INSTALLATION_WARNED_LEVEL", 2);
    // level 1 tells the installers, level 2 also the shift lead
    Assertions.assertThat(jdbc.queryForList("SELECT recipient FROM sl_notification_outbox WHERE order_no = ?"
        + " AND template = 'SLA_WARNING' ORDER BY id", String.class, orderNo)).containsExactly(
        "installers-own", "installers-outsourced", "installers-own", "installers-outsourced", "shift-lead");
    Assertions.assertThat(workOrders.breachReasons(orderNo)).as("a warning is no breach").isEmpty();
  }

  @Test
  void theExtractionStepWarnsAtHalfAndThreeQuartersOfItsTwoHours_recordedNotifiedShownOnTheTaskAndTheTimeline() {
    // accepted Wednesday 15:30, extraction PT2H natural → 17:30; sla-warning (clock EXTRACTION, its fallback row):
    // 50 % → 16:30, 75 % → 17:00
    TestUsers.ensure(identity, "slabackoffice", "back-office");
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(timer(order, "Timer_ExtractionWarning1").getDuedate()).isEqualTo(at("2026-11-18T16:30+08:00"));
    Assertions.assertThat(timer(order, "Timer_ExtractionWarning2").getDuedate()).isEqualTo(at("2026-11-18T17:00+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("EXTRACTION_WARN1_AT"))).isEqualTo(at("2026-11-18T16:30+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("EXTRACTION_WARN2_AT"))).isEqualTo(at("2026-11-18T17:00+08:00"));
    Assertions.assertThat(stepClock(orderNo, "EXTRACTION").get("warnings")).isEqualTo(List.of(
        Map.of("level", 1, "due", "2026-11-18T16:30+08:00", "fired", false),
        Map.of("level", 2, "due", "2026-11-18T17:00+08:00", "fired", false)));

    ClockUtil.setCurrentTime(at("2026-11-18T16:30+08:00"));
    execute(timer(order, "Timer_ExtractionWarning1"));
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("EXTRACTION_WARNED_LEVEL", 1);
    Assertions.assertThat(recipients(orderNo, "SLA_WARNING")).containsExactly("back-office");
    ClockUtil.setCurrentTime(at("2026-11-18T17:00+08:00"));
    execute(timer(order, "Timer_ExtractionWarning2"));

    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("EXTRACTION_WARNED_LEVEL", 2);
    Assertions.assertThat(instant(workOrders.row(orderNo).get("EXTRACTION_WARNED_AT"))).isEqualTo(at("2026-11-18T17:00+08:00"));
    // level 1 tells the back office, level 2 also the shift lead
    Assertions.assertThat(recipients(orderNo, "SLA_WARNING")).containsExactly("back-office", "back-office", "shift-lead");
    Assertions.assertThat((String) processEngine.getTaskService().getVariable(task(EXTRACT).getId(), "slaWarningText"))
        .contains("2 级").contains("提取预登记").contains("2026-11-18 17:30");
    Assertions.assertThat(stepClock(orderNo, "EXTRACTION")).containsEntry("state", "RUNNING")
        .containsEntry("warnings", List.of(
            Map.of("level", 1, "due", "2026-11-18T16:30+08:00", "fired", true),
            Map.of("level", 2, "due", "2026-11-18T17:00+08:00", "fired", true)));
    Assertions.assertThat(workOrders.breachReasons(orderNo)).as("a warning is no breach").isEmpty();
    assertThat(order).isWaitingAt(EXTRACT);
  }

  @Test
  void extractedBeforeItsWarning_theWarningTimersAreGone_nobodyIsWarned() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(timer(order, "Timer_ExtractionWarning1")).isNotNull();
    ClockUtil.setCurrentTime(at("2026-11-18T16:00+08:00"));
    complete(task(EXTRACT));
    Assertions.assertThat(timer(order, "Timer_ExtractionWarning1")).isNull();
    Assertions.assertThat(timer(order, "Timer_ExtractionWarning2")).isNull();
    Assertions.assertThat(workOrders.row(orderNo).get("EXTRACTION_WARNED_LEVEL")).isNull();
    Assertions.assertThat(recipients(orderNo, "SLA_WARNING")).isEmpty();
  }

  @Test
  void theAppointmentStepWarnsAtHalfAndThreeQuartersOfItsDay_toTheNetworkStaff_thenTheShiftLead() {
    // accepted Wednesday 15:30, appointment PT24H natural → Thursday 15:30: 50 % → Thursday 03:30, at night, and
    // sla-warning's warnDuring for APPOINTMENT is WORKING_HOURS → the calendar's start, 09:00; 75 % → 09:30
    TestUsers.ensure(identity, "slabackoffice", "back-office");
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    ClockUtil.setCurrentTime(at("2026-11-18T16:00+08:00"));
    complete(task(EXTRACT));
    execute(job(ENTER_ORDER));
    assertThat(order).isWaitingAt(BOOK);
    Assertions.assertThat(timer(order, "Timer_AppointmentWarning1").getDuedate()).isEqualTo(at("2026-11-19T09:00+08:00"));
    Assertions.assertThat(timer(order, "Timer_AppointmentWarning2").getDuedate()).isEqualTo(at("2026-11-19T09:30+08:00"));

    ClockUtil.setCurrentTime(at("2026-11-19T09:00+08:00"));
    execute(timer(order, "Timer_AppointmentWarning1"));
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("APPOINTMENT_WARNED_LEVEL", 1);
    Assertions.assertThat(recipients(orderNo, "SLA_WARNING")).containsExactly("network");
    Assertions.assertThat((String) processEngine.getTaskService().getVariable(task(BOOK).getId(), "slaWarningText"))
        .contains("1 级").contains("预约");
    Assertions.assertThat(stepClock(orderNo, "APPOINTMENT").get("warnings")).isEqualTo(List.of(
        Map.of("level", 1, "due", "2026-11-19T09:00+08:00", "fired", true),
        Map.of("level", 2, "due", "2026-11-19T09:30+08:00", "fired", false)));
    ClockUtil.setCurrentTime(at("2026-11-19T09:30+08:00"));
    execute(timer(order, "Timer_AppointmentWarning2"));
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("APPOINTMENT_WARNED_LEVEL", 2);
    Assertions.assertThat(recipients(orderNo, "SLA_WARNING")).containsExactly("network", "network", "shift-lead");

    // booked before the deadline: the step's timers end with the task
    ClockUtil.setCurrentTime(at("2026-11-19T10:00+08:00"));
    complete(task(BOOK), withVariables("appointmentAt", "2026-11-20T09:00+08:00"));
    Assertions.assertThat(timer(order, "Timer_AppointmentWarning2")).isNull();
    Assertions.assertThat(stepClock(orderNo, "APPOINTMENT")).containsEntry("state", "MET");
  }

  @Test
  void aHallOrderHasNoExtractionClock_soNoExtractionWarnings_butItsAppointmentWarns() {
    ProcessInstance order = start("BUSINESS_HALL", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(workOrders.row(orderNo).get("EXTRACTION_WARN1_AT")).isNull();
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARN1_AT"))).isEqualTo(at("2026-11-19T09:00+08:00"));
    execute(job(ENTER_ORDER));
    complete(task(AUDIT), withVariables("auditResult", "PASSED"));
    assertThat(order).isWaitingAt(BOOK);
    Assertions.assertThat(timer(order, "Timer_AppointmentWarning1").getDuedate()).isEqualTo(at("2026-11-19T09:00+08:00"));
  }

  @Test
  void anAppointmentWarningAtNightBeforeAMakeUpSaturday_firesAtTheStartOfThatSaturday() {
    // accepted Friday 9 October 2026 15:30 (after the National Day week), appointment PT24H natural → Saturday
    // 10 October 15:30, a make-up working day (调休); 50 % → Saturday 03:30, WORKING_HOURS → Saturday 09:00 (on a
    // plain Saturday the next working start would be Monday, past the deadline, and it would keep 03:30)
    ProcessInstance order = start("BUSINESS_HALL", "1", "2026-10-09T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARN1_AT"))).isEqualTo(at("2026-10-10T09:00+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARN2_AT"))).isEqualTo(at("2026-10-10T09:30+08:00"));
    execute(job(ENTER_ORDER));
    complete(task(AUDIT), withVariables("auditResult", "PASSED"));
    assertThat(order).isWaitingAt(BOOK);
    Assertions.assertThat(timer(order, "Timer_AppointmentWarning1").getDuedate()).isEqualTo(at("2026-10-10T09:00+08:00"));
    Assertions.assertThat(timer(order, "Timer_AppointmentDue").getDuedate()).isEqualTo(at("2026-10-10T15:30+08:00"));

    ClockUtil.setCurrentTime(at("2026-10-10T09:00+08:00"));
    execute(timer(order, "Timer_AppointmentWarning1"));
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("APPOINTMENT_WARNED_LEVEL", 1);
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARNED_AT"))).isEqualTo(at("2026-10-10T09:00+08:00"));
  }

  @Test
  void aNightWarningWhoseNextWorkingStartIsPastTheDeadline_keepsItsMoment() {
    // accepted Friday 20 November 2026 15:30, appointment PT24H natural → Saturday 15:30; 50 % → Saturday 03:30:
    // the next working start, Monday 09:00, is past the deadline, so the warning keeps 03:30 (before the breach)
    ProcessInstance order = start("BUSINESS_HALL", "1", "2026-11-20T15:30+08:00");
    String orderNo = orderNo(order);
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARN1_AT"))).isEqualTo(at("2026-11-21T03:30+08:00"));
    Assertions.assertThat(instant(workOrders.row(orderNo).get("APPOINTMENT_WARN2_AT"))).isEqualTo(at("2026-11-21T09:30+08:00"));
  }

  /** A clock of the order's SLA timeline, over HTTP as a back-office user reads it. */
  @SuppressWarnings("unchecked")
  Map<String, Object> stepClock(String orderNo, String clock) {
    TestUsers.ensure(identity, "slabackoffice", "back-office");
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("slabackoffice", TestUsers.PASSWORD)
        .exchange("/api/work-orders/" + orderNo + "/sla", HttpMethod.GET, null,
            new ParameterizedTypeReference<Map<String, Object>>() {});
    Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody().get("clocks")).stream()
        .filter(c -> clock.equals(c.get("clock"))).findFirst().orElseThrow();
  }

  @Test
  void websiteOrder_runsLikeThe400Line_butItsBookingHasNormalPriority() {
    ProcessInstance order = start("WEBSITE", "1", "2026-11-18T15:30+08:00");
    assertThat(order).isWaitingAt(EXTRACT);
    complete(task(EXTRACT));
    execute(job(ENTER_ORDER));
    Assertions.assertThat(orderSystem.remarkOf(orderNo(order))).isEqualTo("400, not paid");
    assertThat(order).isWaitingAt(BOOK);
    Assertions.assertThat(task(BOOK).getPriority()).isEqualTo(50);
  }

  @Test
  void businessHallCrossRegionOrder_paidAtTheHall_auditedByTheHall_noCashHandover() {
    ProcessInstance order = start("BUSINESS_HALL", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    assertThat(order).isWaitingAt(ENTER_ORDER);
    Map<String, Object> row = orders.row(orderNo);
    Assertions.assertThat(row).containsEntry("PAID_AT_HALL", true).containsEntry("REVENUE_REGION", region)
        .containsEntry("BUSINESS_HALL", "Wulin Hall").containsEntry("HALL_REGION", "Hangzhou-Gongshu");
    Assertions.assertThat((BigDecimal) row.get("VOLUME_COEFFICIENT")).isEqualByComparingTo("2");
    Assertions.assertThat((BigDecimal) row.get("PAYMENT_AMOUNT")).isEqualByComparingTo("300");

    execute(job(ENTER_ORDER));
    Assertions.assertThat(orderSystem.remarkOf(orderNo)).isNull();   // no remark = already paid
    assertThat(order).isWaitingAt(AUDIT);
    assertThat(task(AUDIT)).hasCandidateGroup("business-hall");
    Assertions.assertThat(task(AUDIT).getDueDate()).isEqualTo(at("2026-11-18T17:30+08:00"));
    complete(task(AUDIT), withVariables("auditResult", "PASSED"));

    assertThat(order).isWaitingAt(BOOK);
    Assertions.assertThat(task(BOOK).getPriority()).isEqualTo(50);
    complete(task(BOOK), withVariables("appointmentAt", "2026-11-19T14:00+08:00"));
    ClockUtil.setCurrentTime(at("2026-11-19T15:00+08:00"));
    Task onSite = task(INSTALL);
    as(INSTALLER, "installers-own", () -> complete(onSite, withVariables("installOutcome", "INSTALLED",
        "acceptanceFormSigned", true, "receiptIssued", true, "serviceManualHandedOver", true, "idPhotoTaken", true)));
    complete(task(RETURN_ORDER));
    assertThat(order).isWaitingAt(RETURN_VISIT).hasNotPassed(HANDOVER);
    Assertions.assertThat(freePorts("1")).isEqualTo(4);
  }

  @Test
  void theHallsVolumeCoefficientIsTheModels_aProcessOwnersChangeCountsFromTheNextHallOrder() throws Exception {
    String coefficient = "<camunda:inputParameter name=\"hallVolumeCoefficient\">%s</camunda:inputParameter>";
    String model = Files.readString(Path.of("processes/broadband-installation.bpmn"), StandardCharsets.UTF_8);
    Assertions.assertThat(model).contains(coefficient.formatted("2"));
    String changed = model.replace(coefficient.formatted("2"), coefficient.formatted("1.5"));
    String deployment = processEngine.getRepositoryService().createDeployment().name("test: hall coefficient 1.5")
        .addString("processes/broadband-installation.bpmn", changed).deploy().getId();
    try {
      String hallOrder = orderNo(start("BUSINESS_HALL", "1", "2026-11-18T15:30+08:00"));
      String hotlineOrder = orderNo(start("HOTLINE_400", "1", "2026-11-18T15:30+08:00"));
      Assertions.assertThat((BigDecimal) orders.row(hallOrder).get("VOLUME_COEFFICIENT")).isEqualByComparingTo("1.5");
      Assertions.assertThat(orders.row(hotlineOrder).get("VOLUME_COEFFICIENT")).isNull();
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void anIrregularHallOrderIsReportedToServiceSupervision_andGoesBackToTheHall_thenIsAuditedAgain() {
    ProcessInstance order = start("BUSINESS_HALL", "1", "2026-11-18T15:30+08:00");
    execute(job(ENTER_ORDER));
    complete(task(AUDIT), withVariables("auditResult", "IRREGULAR", "auditNote", "invoice missing"));
    Assertions.assertThat(outbox(orderNo(order), "INSTALLATION_AUDIT_IRREGULAR")).isEqualTo(1);
    Assertions.assertThat(recipients(orderNo(order), "INSTALLATION_AUDIT_IRREGULAR")).containsExactly("service-supervision");
    // not onward as if passed: the accepting hall corrects the order, due by the appointment deadline
    assertThat(order).isWaitingAt(CORRECT).hasNotPassed(BOOK);
    assertThat(task(CORRECT)).hasCandidateGroup("business-hall").hasName("营业厅整改 Hall corrects the order");
    Assertions.assertThat(task(CORRECT).getDueDate()).isEqualTo(at("2026-11-19T15:30+08:00"));
    complete(task(CORRECT), withVariables("correctionNote", "invoice INV-0001 attached"));
    assertThat(order).isWaitingAt(AUDIT);
    complete(task(AUDIT), withVariables("auditResult", "PASSED"));
    assertThat(order).isWaitingAt(BOOK);
  }

  @Test
  void partnerBuiltNetwork_installedByThePartnersInstallers_withTheSameThreeDayPromise() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00", "PARTNER");
    toInstall(order);
    assertThat(task(INSTALL)).hasCandidateGroup("installers-partner");
    Assertions.assertThat(task(INSTALL).getDueDate()).isEqualTo(at("2026-11-21T15:30+08:00"));
  }

  @Test
  void theTasklistStartForm_untypedValues_emptyAcceptedAtMeansNow() {
    ClockUtil.setCurrentTime(at("2026-11-18T15:30+08:00"));
    Map<String, Object> form = new HashMap<>(Map.of("channel", "BUSINESS_HALL", "customerPhone", "0571-88886666",
        "customerName", "Wang Fang", "region", region, "compound", "Garden", "building", "1",
        "broadbandPackage", "200M", "constructionMode", "SELF_BUILT", "acceptedAt", ""));
    form.putAll(Map.of("businessHall", "Wulin Hall", "hallRegion", "Hangzhou-Gongshu", "paymentMethod", "POS",
        "paymentAmount", 299.5, "invoiceNo", "INV-7", "customerSigned", true));
    ProcessInstance order = processEngine.getFormService().submitStartForm(
        processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(InstallationVariables.PROCESS_ID).latestVersion().singleResult().getId(), form);
    assertThat(order).isWaitingAt(ENTER_ORDER).variables()
        .containsEntry("acceptedAt", at("2026-11-18T15:30+08:00"))
        .containsEntry("auditDue", at("2026-11-18T17:30+08:00"));
    Assertions.assertThat((BigDecimal) orders.row(orderNo(order)).get("PAYMENT_AMOUNT")).isEqualByComparingTo("299.50");
  }

  @Test
  void aStartFormWithAnUnknownChannelIsRefused_nothingStarts() {
    Map<String, Object> vars = new HashMap<>(Map.of("channel", "FAX", "customerPhone", "13800138000",
        "customerName", "Li Lei", "region", region, "compound", "Garden", "building", "1",
        "broadbandPackage", "100M", "constructionMode", "SELF_BUILT"));
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(InstallationVariables.PROCESS_ID).count();
    Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(InstallationVariables.PROCESS_ID, vars))
        .hasMessageContaining("channel must be one of");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InstallationVariables.PROCESS_ID)
        .count()).isEqualTo(before);
  }

  @Test
  void staffSeeOnlyTheirGroupsInstallationTasks() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    toInstall(order);
    String install = task(INSTALL).getId();
    Assertions.assertThat(visibleTo("installers-own", install)).isTrue();
    Assertions.assertThat(visibleTo("installers-outsourced", install)).isTrue();
    Assertions.assertThat(visibleTo("installers-partner", install)).isFalse();
    Assertions.assertThat(visibleTo("back-office", install)).isFalse();
    Assertions.assertThat(visibleTo("business-hall", install)).isFalse();
  }

  boolean visibleTo(String group, String taskId) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication("someone-in-" + group, List.of(group));
    try {
      return processEngine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    } finally {
      identity.clearAuthentication();
    }
  }

  // ---------------------------------------------------------------- no coverage

  @Test
  void notCovered_customerToldDemandRecorded_orderEndsWithNoTaskOpen() {
    ProcessInstance order = start("HOTLINE_400", "99", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    assertThat(order).isEnded().hasPassed("ServiceTask_RecordUncoveredDemand", "EndEvent_NotCovered");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("NOT_COVERED");
    Assertions.assertThat(demand(orderNo, "NOT_COVERED")).isEqualTo(1);
    Assertions.assertThat(outbox(orderNo, "BROADBAND_NOT_COVERED")).isEqualTo(1);
    Assertions.assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(order.getId()).count()).isZero();
    Assertions.assertThat(management.createJobQuery().processInstanceId(order.getId()).count()).isZero();
  }

  @Test
  void coveredButNoFreePort_sameWithItsOwnStatus() {
    ProcessInstance order = start("WEBSITE", "2", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    assertThat(order).isEnded().hasPassed("EndEvent_NoFreePort");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("NO_FREE_PORT");
    Assertions.assertThat(demand(orderNo, "NO_FREE_PORT")).isEqualTo(1);
    Assertions.assertThat(outbox(orderNo, "BROADBAND_NO_FREE_PORT")).isEqualTo(1);
  }

  // ---------------------------------------------------------------- detours

  @Test
  void cashHandoverMismatch_stopsForServiceSupervision_thenGoesOn() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);
    install(order, "CASH", 200);
    complete(task(RETURN_ORDER));
    handOver(150);

    assertThat(order).isWaitingAt(MISMATCH);
    assertThat(task(MISMATCH)).hasCandidateGroup("service-supervision");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("PAYMENT_MISMATCH");
    Assertions.assertThat(orders.row(orderNo)).containsEntry("HANDOVER_MATCHES", false)
        .containsEntry("HANDOVER_BACK_OFFICE", BACK_OFFICE).containsEntry("HANDOVER_INSTALLER", INSTALLER);
    Assertions.assertThat(outbox(orderNo, "INSTALLATION_PAYMENT_MISMATCH")).isEqualTo(1);
    Assertions.assertThat(recipients(orderNo, "INSTALLATION_PAYMENT_MISMATCH")).containsExactly("service-supervision");

    complete(task(MISMATCH), withVariables("supervisionNote", "50 CNY found in the installer's bag"));
    assertThat(order).isWaitingAt(RETURN_VISIT);
  }

  @Test
  void handoverWithoutBothSignaturesIsRefused() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    toInstall(order);
    install(order, "CASH", 200);
    complete(task(RETURN_ORDER));
    // a signature is the authenticated user: without one, the installer's handover is refused
    Task confirm = task(CONFIRM_HANDOVER);
    Assertions.assertThatThrownBy(() -> complete(confirm, withVariables("installerHandoverAmount", 200,
        "cashHandedOver", true))).hasMessageContaining("both signatures");
    assertThat(order).isWaitingAt(CONFIRM_HANDOVER);
  }

  @Test
  void theSameUserCannotSignBothSidesOfTheCashHandover() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    toInstall(order);
    install(order, "CASH", 200);
    complete(task(RETURN_ORDER));
    confirmHandover(200);
    Task receive = task(HANDOVER);
    Assertions.assertThatThrownBy(() -> as(INSTALLER, "back-office", () -> complete(receive,
        withVariables("handoverAmount", 200, "cashReceived", true)))).hasMessageContaining("two different users");
    assertThat(order).isWaitingAt(HANDOVER);
    receiveHandover(200);
    assertThat(order).isWaitingAt(RETURN_VISIT);
  }

  @Test
  void theInstallerDeclaringLessThanTheBackOfficeCountedIsAMismatch() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    toInstall(order);
    install(order, "CASH", 200);
    complete(task(RETURN_ORDER));
    handOver(180, 200);
    assertThat(order).isWaitingAt(MISMATCH);
  }

  // ---------------------------------------------------------------- ports reserved at acceptance

  @Test
  void thePortIsReservedAtAcceptance_soTheSecondCustomerForTheLastPortHearsNoFreePortAtOnce() {
    ProcessInstance first = start("HOTLINE_400", "3", "2026-11-18T15:30+08:00");
    String firstNo = orderNo(first);
    Assertions.assertThat(orders.row(firstNo)).containsEntry("COVERAGE_RESULT", "AVAILABLE")
        .containsEntry("PORT_RESERVATION", "RESERVED");
    Assertions.assertThat(instant(orders.row(firstNo).get("PORT_RESERVED_AT"))).isEqualTo(at("2026-11-18T15:30+08:00"));
    Assertions.assertThat(freePorts("3")).isEqualTo(1);     // still physically free
    Assertions.assertThat(reservedPorts("3")).isEqualTo(1); // but promised

    ProcessInstance second = start("WEBSITE", "3", "2026-11-18T15:40+08:00");
    assertThat(second).isEnded().hasPassed("EndEvent_NoFreePort");
    Assertions.assertThat(workOrders.get(orderNo(second)).status()).isEqualTo("NO_FREE_PORT");
    Assertions.assertThat(outbox(orderNo(second), "BROADBAND_NO_FREE_PORT")).isEqualTo(1);
    Assertions.assertThat(orders.row(orderNo(second)).get("PORT_RESERVATION")).isNull();

    // the first customer's installation consumes the reservation and takes the port; it cannot fail
    assertThat(first).isActive();   // the instance task() refers to
    toInstall(first);
    install(first, "POS", 200);
    Assertions.assertThat(orders.row(firstNo)).containsEntry("PORT_RESERVATION", "CONSUMED");
    Assertions.assertThat(freePorts("3")).isEqualTo(0);
    Assertions.assertThat(reservedPorts("3")).isEqualTo(0);
    assertThat(first).isWaitingAt(RETURN_ORDER);
  }

  @Test
  void anOrderDeletedBeforeItsInstallationReleasesItsPort() {
    ProcessInstance order = start("HOTLINE_400", "3", "2026-11-18T15:30+08:00");
    Assertions.assertThat(reservedPorts("3")).isEqualTo(1);
    runtime.deleteProcessInstance(order.getId(), "customer withdrew by phone");
    Assertions.assertThat(reservedPorts("3")).isEqualTo(0);
    Assertions.assertThat(orders.row(orderNo(order))).containsEntry("PORT_RESERVATION", "RELEASED");
    ProcessInstance next = start("HOTLINE_400", "3", "2026-11-18T16:00+08:00");
    Assertions.assertThat(orders.row(orderNo(next))).containsEntry("COVERAGE_RESULT", "AVAILABLE");
  }

  // ---------------------------------------------------------------- a failed visit has a way out

  @Test
  void aFailedVisit_rescheduled_theCustomerIsToldBySms_andTheInstallerComesAgain() {
    ProcessInstance order = start("HOTLINE_400", "3", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);
    ClockUtil.setCurrentTime(at("2026-11-20T09:30+08:00"));
    complete(task(INSTALL), withVariables("installOutcome", "FAILED", "failureReason", "CUSTOMER_ABSENT",
        "failureNote", "nobody home, phone off", "failureNextStep", "RESCHEDULE",
        "newAppointmentAt", "2026-11-21T10:00+08:00"));

    assertThat(order).isWaitingAt(INSTALL).hasPassed("ServiceTask_RecordReschedule");
    Assertions.assertThat(workOrders.get(orderNo).appointmentAt()).isEqualTo(at("2026-11-21T10:00+08:00").toInstant());
    Assertions.assertThat(jdbc.queryForObject("SELECT reason FROM sl_appointment_change WHERE order_no = ?",
        String.class, orderNo)).isEqualTo("FAILED CUSTOMER_ABSENT: nobody home, phone off");
    Assertions.assertThat(jdbc.queryForObject("""
        SELECT message FROM sl_notification_outbox WHERE order_no = ? AND template = 'BROADBAND_VISIT_RESCHEDULED'""",
        String.class, orderNo)).isEqualTo("您的宽带装机上门未能完成，已为您重新预约 2026-11-21 10:00 周六 (+08:00)，装维人员届时上门。订单 " + orderNo);
    Assertions.assertThat(orders.row(orderNo)).containsEntry("PORT_RESERVATION", "RESERVED");
    // the promise keeps running; the next visit can install
    Assertions.assertThat(timer(order, "Timer_InstallationDue").getDuedate()).isEqualTo(at("2026-11-21T15:30+08:00"));
    ClockUtil.setCurrentTime(at("2026-11-21T10:30+08:00"));
    install(order, "POS", 200);
    assertThat(order).isWaitingAt(RETURN_ORDER);
  }

  @Test
  void aFailedVisit_cancelled_portReleased_customerTold_orderEndsWithNothingOpen() {
    ProcessInstance order = start("HOTLINE_400", "3", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);
    ClockUtil.setCurrentTime(at("2026-11-20T09:30+08:00"));
    complete(task(INSTALL), withVariables("installOutcome", "FAILED", "failureReason", "TECHNICAL_PROBLEM",
        "failureNote", "no fibre in the riser", "failureNextStep", "CANCEL"));

    assertThat(order).isEnded().hasPassed("EndEvent_InstallationCancelled", "ServiceTask_CancelInstallation",
        "EndEvent_OrderCancelled").hasNotPassed("ServiceTask_RecordInstallation");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("CANCELLED");
    Assertions.assertThat(workOrders.get(orderNo).closedAt()).isEqualTo(at("2026-11-20T09:30+08:00").toInstant());
    Assertions.assertThat(orders.row(orderNo)).containsEntry("PORT_RESERVATION", "RELEASED");
    Assertions.assertThat(reservedPorts("3")).isZero();
    Assertions.assertThat(freePorts("3")).isEqualTo(1);
    Assertions.assertThat(outbox(orderNo, "BROADBAND_CANCELLED")).isEqualTo(1);
    Assertions.assertThat(jdbc.queryForObject("SELECT message FROM sl_notification_outbox WHERE order_no = ? AND "
        + "template = 'BROADBAND_CANCELLED'", String.class, orderNo))
        .as("the text the model gives ServiceTask_CancelInstallation")
        .isEqualTo("您的宽带装机未能完成，订单已取消，如需办理请重新申请。订单 " + orderNo);
    Assertions.assertThat(management.createJobQuery().processInstanceId(order.getId()).count()).isZero();
    // the released port can be promised to the next customer
    ProcessInstance next = start("HOTLINE_400", "3", "2026-11-20T10:00+08:00");
    Assertions.assertThat(orders.row(orderNo(next))).containsEntry("PORT_RESERVATION", "RESERVED");
  }

  @Test
  void customerReschedules_reasonRecorded_clockDoesNotPause() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);
    complete(task(INSTALL), withVariables("installOutcome", "RESCHEDULED",
        "rescheduleReason", "customer away on business", "newAppointmentAt", "2026-11-21T10:00+08:00"));

    assertThat(order).isWaitingAt(INSTALL).hasPassed("ServiceTask_RecordReschedule");
    Assertions.assertThat(task(INSTALL).getDueDate()).isEqualTo(at("2026-11-21T15:30+08:00"));
    Assertions.assertThat(timer(order, "Timer_InstallationDue").getDuedate()).isEqualTo(at("2026-11-21T15:30+08:00"));
    Assertions.assertThat(orders.appointmentChanges(orderNo)).isEqualTo(1);
    Assertions.assertThat(jdbc.queryForObject("SELECT reason FROM sl_appointment_change WHERE order_no = ?",
        String.class, orderNo)).isEqualTo("customer away on business");
    Assertions.assertThat(workOrders.get(orderNo).appointmentAt()).isEqualTo(at("2026-11-21T10:00+08:00").toInstant());
  }

  // ---------------------------------------------------------------- missed deadlines

  @Test
  void extractionOverdue_breachAndEscalation_theTaskStays() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    ClockUtil.setCurrentTime(at("2026-11-18T17:31+08:00"));
    execute(timer(order, "Timer_ExtractionDue"));
    Assertions.assertThat(workOrders.breachReasons(orderNo(order))).containsExactly("EXTRACTION_OVERDUE");
    Assertions.assertThat(escalations(orderNo(order))).containsExactly("EXTRACTION_OVERDUE");
    assertThat(order).isWaitingAt(EXTRACT);
  }

  @Test
  void appointmentOverdue_breachAndEscalation() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    complete(task(EXTRACT));
    execute(job(ENTER_ORDER));
    ClockUtil.setCurrentTime(at("2026-11-19T15:31+08:00"));
    execute(timer(order, "Timer_AppointmentDue"));
    Assertions.assertThat(workOrders.breachReasons(orderNo(order))).containsExactly("APPOINTMENT_OVERDUE");
    Assertions.assertThat(escalations(orderNo(order))).containsExactly("APPOINTMENT_OVERDUE");
    assertThat(order).isWaitingAt(BOOK);
  }

  @Test
  void appointmentOverdue_theShiftLeadsInstructionComesBackToTheOrder() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    complete(task(EXTRACT));
    execute(job(ENTER_ORDER));
    ClockUtil.setCurrentTime(at("2026-11-19T15:31+08:00"));
    execute(timer(order, "Timer_AppointmentDue"));

    ProcessInstance escalation = runtime.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceBusinessKey(orderNo).singleResult();
    execute(management.createJobQuery().processInstanceId(escalation.getId()).singleResult());
    Task supervise = processEngine.getTaskService().createTaskQuery().processInstanceId(escalation.getId())
        .singleResult();
    assertThat(supervise).hasCandidateGroup("shift-lead");
    complete(supervise, withVariables("escalationInstruction", "book today, call twice"));

    Assertions.assertThat(jdbc.queryForObject("""
        SELECT message FROM sl_notification_outbox WHERE order_no = ? AND template = 'ESCALATION_INSTRUCTION'""",
        String.class, orderNo)).contains("book today, call twice");
    assertThat(order).isWaitingAt(BOOK).hasPassed("ServiceTask_ForwardInstruction");
  }

  @Test
  void installationOverdue_breachEscalation_andLiquidatedDamagesAtClosure() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);
    ClockUtil.setCurrentTime(at("2026-11-21T15:31+08:00"));
    execute(timer(order, "Timer_InstallationDue"));
    Assertions.assertThat(workOrders.breachReasons(orderNo)).containsExactly("INSTALLATION_OVERDUE");
    Assertions.assertThat(escalations(orderNo(order))).containsExactly("INSTALLATION_OVERDUE");
    assertThat(order).isWaitingAt(INSTALL);

    // installed Monday 10:00: 1 day 18.5 hours after the promise → 2 started days × 1 % × 200 CNY = 4.00;
    // the internal target (3 working days after Wednesday's dispatch: Monday 15:30) was still met
    ClockUtil.setCurrentTime(at("2026-11-23T10:00+08:00"));
    install(order, "CASH", 200);
    Assertions.assertThat(workOrders.get(orderNo).completionDue()).isEqualTo(at("2026-11-23T15:30+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).completionOnTime()).isTrue();
    complete(task(RETURN_ORDER));
    handOver(200);
    assertThat(order).isWaitingAt(RETURN_VISIT);
    Assertions.assertThat(workOrders.get(orderNo).remedyAmount()).isEqualByComparingTo("4.00");
    Assertions.assertThat(orders.row(orderNo)).containsEntry("DAYS_LATE", 2);
    finishReturnVisit(order);
    Assertions.assertThat(workOrders.get(orderNo).closureOnTime()).as("installed after the promise").isFalse();
  }

  @Test
  void installedAfterTheInternalTarget_countsAsLateForInstallationTimeliness() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    String orderNo = orderNo(order);
    toInstall(order);   // dispatched Wednesday 15:30 → target Monday 15:30
    ClockUtil.setCurrentTime(at("2026-11-23T16:00+08:00"));
    install(order, "POS", 200);
    Assertions.assertThat(workOrders.get(orderNo).completionOnTime()).isFalse();
  }

  @Test
  void theTimeLimitsAreDecidedInTheModel_theOrderCarriesTheTablesRows() {
    // Task_DetermineTimeLimits maps installation-time-limit's rows; Cockpit shows them on the order
    ProcessInstance hotline = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    assertThat(hotline).hasPassed("Task_DetermineTimeLimits", "ServiceTask_ComputeDeadlines");
    Assertions.assertThat(timeLimits(hotline))
        .extracting(r -> r.get("milestone"), r -> r.get("limit"), r -> r.get("timeMode"))
        .contains(Assertions.tuple("EXTRACTION", "PT2H", "NATURAL"), Assertions.tuple("INSTALLATION", "P3D", "NATURAL"),
            Assertions.tuple("INSTALL_TARGET", "P3D", "WORKING"))
        .extracting(t -> t.toArray()[0]).doesNotContain("AUDIT");
    assertThat(hotline).variables().containsEntry("damagesRatePerDay", 0.01);
    ProcessInstance hall = start("BUSINESS_HALL", "1", "2026-11-18T15:30+08:00");
    Assertions.assertThat(timeLimits(hall)).extracting(r -> r.get("milestone")).contains("AUDIT")
        .doesNotContain("EXTRACTION");
    assertThat(hall).variables().containsEntry("extractionDue", null);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> timeLimits(ProcessInstance order) {
    return (List<Map<String, Object>>) runtime.getVariable(order.getId(), "timeLimits");
  }

  @Test
  void aTableWithTwoInstallationRowsForAnOrderIsRefused_notSilentlyTheFirst() throws Exception {
    // the docs' trap: the old partner rule restored without taking PARTNER out of Rule_Installation
    String table = Files.readString(Path.of("dmn/installation-time-limit.dmn"), StandardCharsets.UTF_8);
    String disabled = "<text>\"PARTNER-DISABLED\"</text>";
    Assertions.assertThat(table).contains(disabled);
    String deployment = processEngine.getRepositoryService().createDeployment().name("test: two partner promises")
        .addString("dmn/installation-time-limit.dmn", table.replace(disabled, "<text>\"PARTNER\"</text>")).deploy().getId();
    try {
      Assertions.assertThatThrownBy(() -> start("HOTLINE_400", "1", "2026-11-18T15:30+08:00", "PARTNER"))
          .hasStackTraceContaining("installation-time-limit has two rules for INSTALLATION");
      Assertions.assertThat(runtime.createProcessInstanceQuery().variableValueEquals("region", region).count()).isZero();
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void anOrderAcceptedBeforeTheModelDecidedItsTimeLimits_stillGetsItsLaterDeadlinesFromTheTable() {
    // accepted by the previous model version: deadlines set at acceptance, no timeLimits variable
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    runtime.removeVariable(order.getId(), "timeLimits");
    ClockUtil.setCurrentTime(at("2026-11-19T10:00+08:00"));
    toInstall(order);
    Assertions.assertThat(workOrders.get(orderNo(order)).completionDue()).isEqualTo(at("2026-11-24T10:00+08:00").toInstant());
    ClockUtil.setCurrentTime(at("2026-11-20T09:30+08:00"));
    install(order, "POS", 200);
    Assertions.assertThat(task(RETURN_ORDER).getDueDate()).isEqualTo(at("2026-11-21T09:30+08:00"));
  }

  @Test
  void aSupervisorsInstructionReachesTheOrderWhileItRuns() {
    ProcessInstance order = start("HOTLINE_400", "1", "2026-11-18T15:30+08:00");
    runtime.createMessageCorrelation("EscalationInstruction").processInstanceBusinessKey(orderNo(order))
        .setVariable("escalationInstruction", "call the customer today").correlate();
    Assertions.assertThat(outbox(orderNo(order), "ESCALATION_INSTRUCTION")).isEqualTo(1);
    Assertions.assertThat(recipients(orderNo(order), "ESCALATION_INSTRUCTION")).containsExactly("network");
    assertThat(order).isWaitingAt(EXTRACT);
  }

  // ---------------------------------------------------------------- helpers

  ProcessInstance start(String channel, String building, String acceptedAt) {
    return start(channel, building, acceptedAt, "SELF_BUILT");
  }

  ProcessInstance start(String channel, String building, String acceptedAt, String mode) {
    ClockUtil.setCurrentTime(at(acceptedAt));
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", channel);
    vars.put("customerPhone", "13800138000");
    vars.put("customerName", "Li Lei");
    vars.put("region", region);
    vars.put("compound", "Garden");
    vars.put("building", building);
    vars.put("room", "301");
    vars.put("broadbandPackage", "100M");
    vars.put("constructionMode", mode);
    vars.put("acceptedAt", acceptedAt);
    if ("BUSINESS_HALL".equals(channel)) {
      vars.put("businessHall", "Wulin Hall");
      vars.put("hallRegion", "Hangzhou-Gongshu");
      vars.put("paymentMethod", "CASH");
      vars.put("paymentAmount", 300L);
      vars.put("invoiceNo", "INV-0001");
      vars.put("customerSigned", true);
    }
    ProcessInstance order = runtime.startProcessInstanceByKey(InstallationVariables.PROCESS_ID, vars);
    assertThat(order).isNotNull();   // the instance the task() / job() look-ups refer to
    return order;
  }

  void toInstall(ProcessInstance order) {
    complete(task(EXTRACT));
    execute(job(ENTER_ORDER));
    complete(task(BOOK), withVariables("appointmentAt", "2026-11-20T09:00+08:00"));
    assertThat(order).isWaitingAt(INSTALL);
  }

  /** Installed by the installer INSTALLER (the engine's authenticated user, as Tasklist and REST set it). */
  void install(ProcessInstance order, String method, long amount) {
    Task onSite = task(INSTALL);
    as(INSTALLER, "installers-own", () -> complete(onSite, withVariables("installOutcome", "INSTALLED",
        "acceptanceFormSigned", true, "receiptIssued", true, "serviceManualHandedOver", true, "idPhotoTaken", true,
        "paymentMethod", method, "paymentAmount", amount)));
  }

  /** Both signatures: the installer hands over, then another user, of the back office, receives. */
  void handOver(long amount) {
    handOver(amount, amount);
  }

  void handOver(long declared, long received) {
    confirmHandover(declared);
    receiveHandover(received);
  }

  void confirmHandover(long amount) {
    Task confirm = task(CONFIRM_HANDOVER);
    as(INSTALLER, "installers-own", () -> complete(confirm, withVariables("installerHandoverAmount", amount,
        "cashHandedOver", true)));
  }

  void receiveHandover(long amount) {
    Task receive = task(HANDOVER);
    as(BACK_OFFICE, "back-office", () -> complete(receive, withVariables("handoverAmount", amount,
        "cashReceived", true)));
  }

  /** Runs as this authenticated user (the tasks are looked up before, without authentication). */
  void as(String user, String group, Runnable work) {
    var identity = processEngine.getIdentityService();
    identity.setAuthentication(user, List.of(group));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  int reservedPorts(String building) {
    return jdbc.queryForObject("SELECT reserved_ports FROM sl_coverage WHERE region = ? AND compound = 'Garden' AND building = ?",
        Integer.class, region, building);
  }

  /** The shared return visit (return-visit.bpmn): the hotline calls, the customer is satisfied. */
  void finishReturnVisit(ProcessInstance order) {
    execute(job(RETURN_VISIT));
    Task call = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(orderNo(order))
        .taskDefinitionKey("Task_CallCustomer").singleResult();
    assertThat(call).hasCandidateGroup("hotline");
    complete(call, withVariables("returnVisitOutcome", "SATISFIED", "returnVisitComment", "quick and tidy"));
  }

  Job timer(ProcessInstance order, String activityId) {
    return management.createJobQuery().processInstanceId(order.getId()).activityId(activityId).singleResult();
  }

  String orderNo(ProcessInstance order) {
    return (String) history.createHistoricVariableInstanceQuery().processInstanceId(order.getId())
        .variableName("orderNo").singleResult().getValue();
  }

  int freePorts(String building) {
    return jdbc.queryForObject("SELECT free_ports FROM sl_coverage WHERE region = ? AND compound = 'Garden' AND building = ?",
        Integer.class, region, building);
  }

  int demand(String orderNo, String result) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_coverage_demand WHERE order_no = ? AND result = ?",
        Integer.class, orderNo, result);
  }

  /** Who a notification went to: the group of a STAFF notification (the model's notifyGroup). */
  List<String> recipients(String orderNo, String template) {
    return jdbc.queryForList("SELECT recipient FROM sl_notification_outbox WHERE order_no = ? AND template = ? ORDER BY id",
        String.class, orderNo, template);
  }

  int outbox(String orderNo, String template) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_notification_outbox WHERE order_no = ? AND template = ?",
        Integer.class, orderNo, template);
  }

  static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  static Date instant(Object timestamp) {
    if (timestamp instanceof OffsetDateTime odt) {
      return Date.from(odt.toInstant());
    }
    if (timestamp instanceof java.sql.Timestamp ts) {
      return new Date(ts.getTime());
    }
    return (Date) timestamp;
  }

  /** The escalations this order requested: the escalation process instances with its business key. */
  List<Object> escalations(String orderNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceBusinessKey(orderNo).list().stream()
        .map(instance -> runtime.getVariable(instance.getId(), "escalationReason")).toList();
  }

}
