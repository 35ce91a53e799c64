package com.serviceloop.faultrepair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.submission.CaseSnapshot;
import com.serviceloop.submission.EngineRestClient;
import com.serviceloop.submission.TamperSuite;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7's findings on the fault-repair forms over real HTTP (the empty first contact, fault cause ALIENS,
 * a repair booked in the past, bad values on the start form), and the generated tamper suite over every
 * fault-repair form.
 */
@ServiceLoopTest
class FaultSubmissionGuardTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  EngineRestClient client;

  @BeforeEach
  void setUp() {
    client = new EngineRestClient(rest, identityService);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-20T17:05+08:00").toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, Object> report() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("customerPhone", "13900139000");
    vars.put("customerName", "Han Meimei");
    vars.put("region", "Hangzhou-Xihu");
    vars.put("area", "URBAN");
    vars.put("service", "BROADBAND");
    vars.put("channel", "HOTLINE");
    vars.put("customerSegment", "PUBLIC");
    vars.put("description", "no internet since this morning");
    vars.put("receivedAt", "2026-11-20T17:00+08:00");
    return vars;
  }

  ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(FaultVariables.PROCESS_ID, report());
  }

  Task task(ProcessInstance fault, String activityId) {
    return taskService.createTaskQuery().processInstanceId(fault.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  String group(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).findFirst().orElseThrow()
        .getGroupId();
  }

  Supplier<CaseSnapshot> snapshot(ProcessInstance fault) {
    String orderNo = (String) runtimeService.getVariable(fault.getId(), "orderNo");
    return () -> CaseSnapshot.of(jdbc, runtimeService, taskService, orderNo, fault.getId());
  }

  void assertRefused(ResponseEntity<JsonNode> answer, String field) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    answer.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).contains(field);
    assertThat(answer.getBody().path("message").asText()).contains(field);
  }

  @Test
  void emptyFirstContactOffOptionCauseAndPastAppointmentAreRefused() {
    ProcessInstance fault = start();
    Task contact = task(fault, "Task_FirstContact");
    CaseSnapshot before = snapshot(fault).get();
    assertRefused(client.submitTaskForm(group(contact), contact.getId(), Map.of()), "contactResult");
    assertThat(snapshot(fault).get()).isEqualTo(before);
    assertThat(client.submitTaskForm(group(contact), contact.getId(), Map.of("contactResult", "REACHED",
        "contactNote", "no signal")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Task remote = task(fault, "Task_RemoteResolution");
    before = snapshot(fault).get();
    assertRefused(client.submitTaskForm(group(remote), remote.getId(), Map.of("resolvedRemotely", false,
        "resolutionNote", "line fault", "appointmentAt", "2026-11-20T09:00+08:00")), "appointmentAt");
    assertThat(snapshot(fault).get()).isEqualTo(before);
    assertThat(client.submitTaskForm(group(remote), remote.getId(), Map.of("resolvedRemotely", false,
        "resolutionNote", "line fault", "appointmentAt", "2026-11-21T09:00+08:00")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    Task onSite = task(fault, "Task_RepairOnSite");
    before = snapshot(fault).get();
    assertRefused(client.submitTaskForm(group(onSite), onSite.getId(), Map.of("faultCause", "ALIENS",
        "repairNote", "x")), "faultCause");
    assertThat(snapshot(fault).get()).isEqualTo(before);
  }

  @Test
  void badValuesOnTheFaultReportStartFormAre400() {
    CaseSnapshot before = CaseSnapshot.of(jdbc, runtimeService, taskService, null);
    Map<String, Object> area = report();
    area.put("area", "MOON");
    assertRefused(client.submitStartForm("hotline", FaultVariables.PROCESS_ID, area), "area");
    Map<String, Object> received = report();
    received.put("receivedAt", "yesterday");
    assertRefused(client.submitStartForm("hotline", FaultVariables.PROCESS_ID, received), "receivedAt");
    Map<String, Object> key = report();
    ResponseEntity<JsonNode> businessKey = client.post("hotline", "/engine-rest/process-definition/key/"
        + FaultVariables.PROCESS_ID + "/submit-form", Map.of("businessKey", "FLT-000001",
        "variables", EngineRestClient.body(key).get("variables")));
    assertRefused(businessKey, "businessKey");
    assertThat(CaseSnapshot.of(jdbc, runtimeService, taskService, null)).isEqualTo(before);
  }

  @Test
  void everyFaultRepairFormRefusesEveryTampering() {
    TamperSuite suite = new TamperSuite(client, taskService, formService, repositoryService);
    int made = suite.start(FaultVariables.PROCESS_ID, "hotline", report(),
        () -> CaseSnapshot.of(jdbc, runtimeService, taskService, null));
    ProcessInstance fault = start();
    made += step(suite, fault, "Task_FirstContact", Map.of("contactResult", "REACHED", "contactNote", "no signal"));
    made += step(suite, fault, "Task_RemoteResolution", Map.of("resolvedRemotely", false,
        "resolutionNote", "line fault", "appointmentAt", "2026-11-21T09:00+08:00"));
    made += step(suite, fault, "Task_RepairOnSite", Map.of("faultCause", "LINE", "repairNote", "drop cable replaced"));
    made += step(suite, fault, "Task_ReturnOrder", Map.of("returnNote", "done"));
    int forms = 5;
    System.out.println("Tamper suite, fault repair: " + forms + " forms, " + made
        + " tampered submissions, all 400; " + TamperSuite.figures("run total"));
    assertThat(made).isGreaterThan(forms * 10);
  }

  int step(TamperSuite suite, ProcessInstance fault, String activityId, Map<String, Object> valid) {
    Task task = task(fault, activityId);
    assertThat(task).as("task %s", activityId).isNotNull();
    return suite.task(task.getId(), group(task), new HashMap<>(valid), snapshot(fault));
  }
}
