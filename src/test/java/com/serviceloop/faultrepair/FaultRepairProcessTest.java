package com.serviceloop.faultrepair;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import com.serviceloop.workorder.WorkOrderView;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/fault-repair.bpmn on the real engine: remote fix, on-site fix by appointment, group customers,
 * each missed deadline. ${requestEscalation} starts the real escalation process; the tests read its reason.
 */
@ServiceLoopTest
class FaultRepairProcessTest {

  static final String FIRST_CONTACT = "Task_FirstContact";
  static final String REMOTE = "Task_RemoteResolution";
  static final String ON_SITE = "Task_RepairOnSite";
  static final String RETURN_ORDER = "Task_ReturnOrder";
  static final String RETURN_VISIT = "CallActivity_ReturnVisit";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired WorkOrderRepository workOrders;
  @Autowired FaultOrders faults;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;


  @BeforeEach
  void setUp() {
    init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void urbanFaultFixedRemotely_noVisitNoReturnOrder_thenReturnVisit() {
    // the example: received Fri 17:00, urban → first contact Mon 10:00, repair Sun 17:00
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    String orderNo = orderNo(fault);
    assertThat(fault).isWaitingAt(FIRST_CONTACT);
    assertThat(task(FIRST_CONTACT)).hasCandidateGroup("network");
    Assertions.assertThat(task(FIRST_CONTACT).getDueDate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    Assertions.assertThat(task(FIRST_CONTACT).getPriority()).isEqualTo(50);
    Assertions.assertThat(timer(fault, "Timer_FirstContactDue").getDuedate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    Assertions.assertThat(timer(fault, "Timer_RepairDue").getDuedate()).isEqualTo(at("2026-11-22T17:00+08:00"));
    WorkOrder received = workOrders.get(orderNo);
    Assertions.assertThat(received.firstContactDue()).isEqualTo(at("2026-11-23T10:00+08:00").toInstant());
    Assertions.assertThat(received.completionDue()).isEqualTo(at("2026-11-22T17:00+08:00").toInstant());
    Assertions.assertThat(faults.row(orderNo)).containsEntry("AREA", "URBAN").containsEntry("SERVICE", "BROADBAND");

    ClockUtil.setCurrentTime(at("2026-11-20T17:30+08:00"));
    complete(task(FIRST_CONTACT), withVariables("contactResult", "REACHED", "contactNote", "modem lights off"));
    assertThat(fault).isWaitingAt(REMOTE);
    Assertions.assertThat(task(REMOTE).getDueDate()).isEqualTo(at("2026-11-22T17:00+08:00"));
    complete(task(REMOTE), withVariables("resolvedRemotely", true, "resolutionNote", "port reset"));

    assertThat(fault).isWaitingAt(RETURN_VISIT).hasNotPassed(ON_SITE, RETURN_ORDER)
        .variables()
        .containsEntry("returnVisitDue", at("2026-11-21T17:30+08:00"));
    WorkOrder repaired = workOrders.get(orderNo);
    Assertions.assertThat(repaired.firstContactOnTime()).isTrue();
    Assertions.assertThat(repaired.completionOnTime()).isTrue();
    Assertions.assertThat(repaired.onSiteAppointment()).isFalse();
    Assertions.assertThat(repaired.status()).isEqualTo("REPAIRED");
    Assertions.assertThat(faults.row(orderNo)).containsEntry("RESOLVED_REMOTELY", true);

    execute(job(RETURN_VISIT));
    org.camunda.bpm.engine.task.Task call = processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(orderNo).taskDefinitionKey("Task_CallCustomer").singleResult();
    assertThat(call).hasCandidateGroup("hotline");
    complete(call, withVariables("returnVisitOutcome", "SATISFIED", "returnVisitComment", "fixed fast"));
    assertThat(fault).isEnded().hasPassed("ServiceTask_CloseFault");
    Assertions.assertThat(workOrders.get(orderNo).status()).isEqualTo("CLOSED");
    Assertions.assertThat(workOrders.get(orderNo).satisfaction()).isEqualTo("SATISFIED");
    // timely handling judges the repair by its limit (48 h urban)
    Assertions.assertThat(workOrders.get(orderNo).closureDue()).isEqualTo(at("2026-11-22T17:00+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).closureOnTime()).isTrue();
    Assertions.assertThat(escalations(orderNo)).isEmpty();
  }

  @Test
  void aCallNotReachedIsNoContact_andPausesTheFirstContactUntilTheNextCallInWorkingHours() {
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    String orderNo = orderNo(fault);
    ClockUtil.setCurrentTime(at("2026-11-20T17:30+08:00"));
    complete(task(FIRST_CONTACT), withVariables("contactResult", "NOT_REACHED", "contactNote", "no answer"));

    assertThat(fault).isWaitingAt("Timer_WaitToCallAgain");
    Assertions.assertThat(workOrders.get(orderNo).firstContactAt()).as("a call not reached is no contact").isNull();
    // sla-pause: the next call 2 working hours on (Monday 10:30, not Friday 19:30); the first contact's
    // deadline moves by the 2 paused working hours, Monday 10:00 → 12:00; the repair clock does not pause
    Assertions.assertThat(timer(fault, "Timer_WaitToCallAgain").getDuedate()).isEqualTo(at("2026-11-23T10:30+08:00"));
    Assertions.assertThat(timer(fault, "Timer_FirstContactDue").getDuedate()).isEqualTo(at("2026-11-23T12:00+08:00"));
    Assertions.assertThat(workOrders.get(orderNo).firstContactDue()).isEqualTo(at("2026-11-23T12:00+08:00").toInstant());
    Assertions.assertThat(timer(fault, "Timer_RepairDue").getDuedate()).isEqualTo(at("2026-11-22T17:00+08:00"));

    ClockUtil.setCurrentTime(at("2026-11-23T10:30+08:00"));
    execute(timer(fault, "Timer_WaitToCallAgain"));
    Assertions.assertThat(task(FIRST_CONTACT).getDueDate()).isEqualTo(at("2026-11-23T12:00+08:00"));
    ClockUtil.setCurrentTime(at("2026-11-23T10:45+08:00"));
    complete(task(FIRST_CONTACT), withVariables("contactResult", "REACHED", "contactNote", "modem lights off"));

    assertThat(fault).isWaitingAt(REMOTE);
    WorkOrder contacted = workOrders.get(orderNo);
    Assertions.assertThat(contacted.firstContactAt()).isEqualTo(at("2026-11-23T10:45+08:00").toInstant());
    Assertions.assertThat(contacted.firstContactOnTime()).as("within the deadline the pause moved").isTrue();
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("FIRST_CONTACT_ATTEMPTS", 2)
        .containsEntry("FIRST_CONTACT_TIME_MODE", "WORKING");
  }

  @Test
  void theRepairClockWarnsAtHalfAndThreeQuartersOfItsLimit() {
    // urban: repair P2D natural from Friday 17:00, due Sunday 17:00; sla-warning's shares 50 % and 75 %: Saturday
    // 17:00 and Sunday 05:00, outside working hours, but REPAIR's warnDuring WORKING_HOURS would move them to
    // Monday 09:00, past the deadline: they keep their moments (a warning always precedes the breach)
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    String orderNo = orderNo(fault);
    Assertions.assertThat(timer(fault, "Timer_RepairWarning1").getDuedate()).isEqualTo(at("2026-11-21T17:00+08:00"));
    Assertions.assertThat(timer(fault, "Timer_RepairWarning2").getDuedate()).isEqualTo(at("2026-11-22T05:00+08:00"));
    Assertions.assertThat(WorkOrderView.instant(workOrders.row(orderNo).get("COMPLETION_WARN1_AT")))
        .isEqualTo(at("2026-11-21T17:00+08:00").toInstant());

    ClockUtil.setCurrentTime(at("2026-11-21T17:00+08:00"));
    execute(timer(fault, "Timer_RepairWarning1"));
    ClockUtil.setCurrentTime(at("2026-11-22T05:00+08:00"));
    execute(timer(fault, "Timer_RepairWarning2"));

    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("COMPLETION_WARNED_LEVEL", 2);
    // what the remote-resolution and on-site forms show read-only
    Assertions.assertThat((String) runtime.getVariable(fault.getId(), "slaWarningText")).contains("2 级")
        .contains("修复 repair").contains("2026-11-22 17:00");
    // level 1 tells the contact group, level 2 also the shift lead
    Assertions.assertThat(jdbc.queryForList("SELECT recipient FROM sl_notification_outbox WHERE order_no = ?"
        + " AND template = 'SLA_WARNING' ORDER BY id", String.class, orderNo))
        .containsExactly("network", "network", "shift-lead");
    Assertions.assertThat(timer(fault, "Timer_RepairWarning1")).as("each level fires once").isNull();
    Assertions.assertThat(workOrders.breachReasons(orderNo)).as("a warning is no breach").isEmpty();
  }

  @Test
  void aRepairWarningAtNight_movesToTheNextWorkingStart_theBreachDoesNot() {
    // urban: repair P2D natural from Wednesday 17:00, due Friday 17:00: 50 % Thursday 17:00 (working hours, kept),
    // 75 % Friday 05:00 → WORKING_HOURS → Friday 09:00
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-18T17:00+08:00");
    String orderNo = orderNo(fault);
    Assertions.assertThat(timer(fault, "Timer_RepairWarning1").getDuedate()).isEqualTo(at("2026-11-19T17:00+08:00"));
    Assertions.assertThat(timer(fault, "Timer_RepairWarning2").getDuedate()).isEqualTo(at("2026-11-20T09:00+08:00"));
    Assertions.assertThat(WorkOrderView.instant(workOrders.row(orderNo).get("COMPLETION_WARN2_AT")))
        .isEqualTo(at("2026-11-20T09:00+08:00").toInstant());
    Assertions.assertThat(workOrders.get(orderNo).completionDue()).isEqualTo(at("2026-11-20T17:00+08:00").toInstant());
    // the model maps warnDuring, so the rule is read once, by Determine repair warnings
    Assertions.assertThat(runtime.getVariable(fault.getId(), "repairWarnDuring")).isEqualTo("WORKING_HOURS");
    Assertions.assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("sla-warning").processInstanceId(fault.getId()).count()).isEqualTo(1);

    ClockUtil.setCurrentTime(at("2026-11-20T09:00+08:00"));
    execute(timer(fault, "Timer_RepairWarning2"));
    Assertions.assertThat(workOrders.row(orderNo)).containsEntry("COMPLETION_WARNED_LEVEL", 2);
  }

  @Test
  void faultNeedingAVisit_appointmentRecorded_repairedOnSite_returnOrder() {
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    String orderNo = orderNo(fault);
    complete(task(FIRST_CONTACT), withVariables("contactResult", "REACHED", "contactNote", "no signal"));
    complete(task(REMOTE), withVariables("resolvedRemotely", false, "resolutionNote", "line fault",
        "appointmentAt", "2026-11-21T10:00+08:00"));

    assertThat(fault).isWaitingAt(ON_SITE);
    assertThat(task(ON_SITE)).hasCandidateGroup("installers-own").hasCandidateGroup("installers-outsourced");
    Assertions.assertThat(task(ON_SITE).getDueDate()).isEqualTo(at("2026-11-22T17:00+08:00"));
    WorkOrder booked = workOrders.get(orderNo);
    Assertions.assertThat(booked.onSiteAppointment()).isTrue();
    Assertions.assertThat(booked.appointmentAt()).isEqualTo(at("2026-11-21T10:00+08:00").toInstant());

    ClockUtil.setCurrentTime(at("2026-11-21T11:00+08:00"));
    complete(task(ON_SITE), withVariables("faultCause", "LINE", "repairNote", "drop cable replaced"));
    assertThat(fault).isWaitingAt(RETURN_ORDER);
    Assertions.assertThat(task(RETURN_ORDER).getDueDate()).isEqualTo(at("2026-11-22T11:00+08:00"));
    Assertions.assertThat(workOrders.get(orderNo).rootCause()).isEqualTo("LINE");
    Assertions.assertThat(faults.row(orderNo)).containsEntry("RESOLVED_REMOTELY", false);
    complete(task(RETURN_ORDER), withVariables("returnNote", "done"));
    assertThat(fault).isWaitingAt(RETURN_VISIT);
  }

  @Test
  void groupCustomer_throughTheKeyAccountManager_withPriority_ruralLimit() {
    ProcessInstance fault = start("RURAL", "GROUP", "2026-11-20T17:00+08:00");
    assertThat(task(FIRST_CONTACT)).hasCandidateGroup("key-account-managers");
    Assertions.assertThat(task(FIRST_CONTACT).getPriority()).isEqualTo(90);
    Assertions.assertThat(timer(fault, "Timer_RepairDue").getDuedate()).isEqualTo(at("2026-11-23T17:00+08:00"));
  }

  @Test
  void firstContactOverdue_breachAndEscalation() {
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    ClockUtil.setCurrentTime(at("2026-11-23T10:01+08:00"));
    execute(timer(fault, "Timer_FirstContactDue"));
    Assertions.assertThat(workOrders.breachReasons(orderNo(fault))).containsExactly("FIRST_CONTACT_OVERDUE");
    Assertions.assertThat(escalations(orderNo(fault))).containsExactly("FIRST_CONTACT_OVERDUE");
    assertThat(fault).isWaitingAt(FIRST_CONTACT);
  }

  @Test
  void repairOverdue_breachEscalationAndFeeReductionDue() {
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    String orderNo = orderNo(fault);
    complete(task(FIRST_CONTACT), withVariables("contactResult", "REACHED", "contactNote", "no signal"));
    ClockUtil.setCurrentTime(at("2026-11-22T17:01+08:00"));
    execute(timer(fault, "Timer_RepairDue"));
    Assertions.assertThat(workOrders.breachReasons(orderNo)).containsExactly("REPAIR_OVERDUE");
    Assertions.assertThat(escalations(orderNo(fault))).containsExactly("REPAIR_OVERDUE");
    Assertions.assertThat(faults.row(orderNo)).containsEntry("FEE_REDUCTION_DUE", true);
    assertThat(fault).isWaitingAt(REMOTE);

    complete(task(REMOTE), withVariables("resolvedRemotely", true, "resolutionNote", "fixed late"));
    Assertions.assertThat(workOrders.get(orderNo).completionOnTime()).isFalse();
  }

  @Test
  void aFirstContactDueInAYearWithoutHolidaySchedule_flagsTheOrder() {
    // 2027 has no schedule (tyme4j stops at 2026, the operator gave none): New Year's Day counts as worked
    ProcessInstance fault = start("URBAN", "PUBLIC", "2026-12-31T17:00+08:00");
    String orderNo = orderNo(fault);
    Assertions.assertThat(workOrders.get(orderNo).firstContactDue()).isEqualTo(at("2027-01-01T10:00+08:00").toInstant());
    Assertions.assertThat(workOrders.unscheduledYear(orderNo)).contains(2027);
    runtime.deleteProcessInstance(fault.getId(), "test over");

    ProcessInstance inside2026 = start("URBAN", "PUBLIC", "2026-11-20T17:00+08:00");
    Assertions.assertThat(workOrders.unscheduledYear(orderNo(inside2026))).isEmpty();
    runtime.deleteProcessInstance(inside2026.getId(), "test over");
  }

  ProcessInstance start(String area, String segment, String receivedAt) {
    ClockUtil.setCurrentTime(at(receivedAt));
    Map<String, Object> vars = new HashMap<>();
    vars.put("customerPhone", "13900139000");
    vars.put("customerName", "Han Meimei");
    vars.put("region", "Hangzhou-Xihu");
    vars.put("area", area);
    vars.put("service", "BROADBAND");
    vars.put("channel", "GROUP".equals(segment) ? "KEY_ACCOUNT" : "HOTLINE");
    vars.put("description", "no internet since this morning");
    vars.put("receivedAt", receivedAt);
    vars.put("customerSegment", segment);
    ProcessInstance fault = runtime.startProcessInstanceByKey(FaultVariables.PROCESS_ID, vars);
    assertThat(fault).isNotNull();
    return fault;
  }

  Job timer(ProcessInstance fault, String activityId) {
    return management.createJobQuery().processInstanceId(fault.getId()).activityId(activityId).singleResult();
  }

  String orderNo(ProcessInstance fault) {
    return (String) history.createHistoricVariableInstanceQuery().processInstanceId(fault.getId())
        .variableName("orderNo").singleResult().getValue();
  }

  static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  /** The escalations this order requested: the escalation process instances with its business key. */
  List<Object> escalations(String orderNo) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceBusinessKey(orderNo).list().stream()
        .map(instance -> runtime.getVariable(instance.getId(), "escalationReason")).toList();
  }

}
