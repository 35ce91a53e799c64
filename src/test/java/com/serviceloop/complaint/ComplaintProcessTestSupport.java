package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.escalation.EscalationRepository;
import com.serviceloop.escalation.EscalationRepository.EscalationStep;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the complaint, return-visit and escalation tests share: starting a complaint the way the intake
 * form does, finding its tasks, timers and escalations, and walking it forward. Every complaint gets
 * its own phone number, so the tests never see each other's work orders in the shared database.
 */
abstract class ComplaintProcessTestSupport {

  /** Friday 2026-11-20 17:00 in Shanghai: the example. */
  static final String FRIDAY_17_00 = "2026-11-20T17:00+08:00";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired WorkOrderRepository workOrders;
  @Autowired EscalationRepository escalations;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void initEngineAndClock() {
    init(processEngine);
    clockAt("2026-11-20T17:05+08:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date at(String isoWithOffset) {
    return Date.from(OffsetDateTime.parse(isoWithOffset).toInstant());
  }

  static void clockAt(String isoWithOffset) {
    ClockUtil.setCurrentTime(at(isoWithOffset));
  }

  static String newPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A public, standard-tier network-quality complaint by hotline, received Friday 17:00. */
  static Map<String, Object> intake(String phone) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerPhone", phone);
    variables.put("customerName", "王芳");
    variables.put("customerSegment", "PUBLIC");
    variables.put("customerTier", "STANDARD");
    variables.put("brand", "GoTone");
    variables.put("region", "浦东");
    variables.put("channel", "HOTLINE");
    variables.put("category", "NETWORK_QUALITY");
    variables.put("description", "家里信号差,通话经常中断");
    variables.put("location", "浦东新区张江路 100 弄");
    variables.put("receivedAt", FRIDAY_17_00);
    return variables;
  }

  ProcessInstance startComplaint(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_ID, variables);
  }

  String orderNo(ProcessInstance complaint) {
    return (String) runtimeService.getVariable(complaint.getId(), ComplaintVariables.ORDER_NO);
  }

  WorkOrder workOrder(ProcessInstance complaint) {
    return workOrders.get(complaint.getBusinessKey() != null ? complaint.getBusinessKey() : orderNo(complaint));
  }

  Task task(ProcessInstance instance, String activityId) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .singleResult();
  }

  void fire(ProcessInstance instance, String timerActivityId) {
    managementService.executeJob(timer(instance, timerActivityId).getId());
  }

  void complete(ProcessInstance instance, String activityId, Map<String, Object> variables) {
    Task task = task(instance, activityId);
    assertThat(task).as("task %s", activityId).isNotNull();
    taskService.complete(task.getId(), variables);
  }

  void firstContact(ProcessInstance complaint) {
    complete(complaint, ComplaintProcess.Task_FirstContact, Map.of(
        "contactResult", "REACHED", "contactNote", "已与客户通话,约定处理方案", "needsOnSiteVisit", false));
  }

  void resolve(ProcessInstance complaint, String rootCause, Object disputedAmount) {
    complete(complaint, ComplaintProcess.Task_ResolveComplaint, Map.of(
        "resolution", "已优化基站参数", "rootCause", rootCause, "responsibleParty", "网络优化中心",
        "disputedAmount", disputedAmount));
  }

  void reply(ProcessInstance complaint) {
    complete(complaint, ComplaintProcess.Task_ReplyToCustomer, Map.of("replyNote", "已向客户说明处理结果"));
  }

  /** The return-visit instance the complaint called (null when there is none). */
  ProcessInstance returnVisit(ProcessInstance complaint) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(complaint.getId())
        .processDefinitionKey(ReturnVisitProcess.PROCESS_ID).singleResult();
  }

  void answerReturnVisit(ProcessInstance complaint, String outcome) {
    complete(returnVisit(complaint), ReturnVisitProcess.Task_CallCustomer,
        Map.of("returnVisitOutcome", outcome, "returnVisitComment", "回访记录"));
  }

  /** First contact, resolution, reply: the complaint is at its return visit. */
  void handle(ProcessInstance complaint) {
    if (task(complaint, ComplaintProcess.Task_FirstContact) != null) {
      firstContact(complaint);
    }
    resolve(complaint, "NETWORK_FAULT", 0);
    reply(complaint);
  }

  /** The running escalation instances of a work order, oldest first; their pending async steps executed. */
  List<ProcessInstance> escalationsOf(String orderNo) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.PROCESS_ID).processInstanceBusinessKey(orderNo)
        .orderByProcessInstanceId().asc().list();
    instances.forEach(this::executeDueJobs);
    return instances;
  }

  void executeDueJobs(ProcessInstance instance) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  List<EscalationStep> escalationSteps(String orderNo) {
    return escalations.forOrder(orderNo);
  }

  List<Map<String, Object>> outbox(String orderNo) {
    return jdbc.queryForList(
        "SELECT channel, recipient, template, message FROM sl_notification_outbox WHERE order_no = ? ORDER BY id", orderNo);
  }
}
