package com.serviceloop.installation;

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
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * Issue 7's findings on the installation forms over real HTTP (start form with BITCOIN or "a" as an amount:
 * 500 before, 400 now; the hall's empty first-level audit; a negative handover; a visit booked in the past),
 * and the generated tamper suite over every installation form.
 */
@ServiceLoopTest
class InstallationSubmissionGuardTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  EngineRestClient client;
  String region;

  @BeforeEach
  void setUp() {
    client = new EngineRestClient(rest, identityService);
    region = "Guard-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) "
        + "VALUES (?, 'Garden', '1', 50, CURRENT_TIMESTAMP)", region);
    clock("2026-11-18T15:30+08:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(String iso) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
  }

  Map<String, Object> order(String channel) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", channel);
    vars.put("customerPhone", "13800138000");
    vars.put("customerName", "Li Lei");
    vars.put("region", region);
    vars.put("compound", "Garden");
    vars.put("building", "1");
    vars.put("room", "301");
    vars.put("broadbandPackage", "100M");
    vars.put("constructionMode", "SELF_BUILT");
    vars.put("acceptedAt", "2026-11-18T15:30+08:00");
    if ("BUSINESS_HALL".equals(channel)) {
      vars.put("businessHall", "Wulin Hall");
      vars.put("hallRegion", "Hangzhou-Gongshu");
      vars.put("paymentMethod", "CASH");
      vars.put("paymentAmount", 300);
      vars.put("invoiceNo", "INV-0001");
      vars.put("customerSigned", true);
    }
    return vars;
  }

  ProcessInstance start(String channel) {
    return runtimeService.startProcessInstanceByKey(InstallationVariables.PROCESS_ID, order(channel));
  }

  Task task(ProcessInstance order, String activityId) {
    return taskService.createTaskQuery().processInstanceId(order.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }

  String group(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).findFirst().orElseThrow()
        .getGroupId();
  }

  void executeJobs(ProcessInstance order) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(order.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  String orderNo(ProcessInstance order) {
    return (String) runtimeService.getVariable(order.getId(), "orderNo");
  }

  Supplier<CaseSnapshot> snapshot(ProcessInstance order) {
    String orderNo = orderNo(order);
    return () -> CaseSnapshot.of(jdbc, runtimeService, taskService, orderNo, order.getId());
  }

  static List<String> fields(ResponseEntity<JsonNode> answer) {
    List<String> fields = new ArrayList<>();
    answer.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  void assertRefused(ResponseEntity<JsonNode> answer, String field) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).contains(field);
    assertThat(answer.getBody().path("message").asText()).contains(field);
  }

  @Test
  void badValuesOnTheStartFormAre400NotJavaMessagesIn500s() {
    CaseSnapshot before = CaseSnapshot.of(jdbc, runtimeService, taskService, null);
    Map<String, Object> bitcoin = order("BUSINESS_HALL");
    bitcoin.put("paymentMethod", "BITCOIN");
    assertRefused(client.submitStartForm("business-hall", InstallationVariables.PROCESS_ID, bitcoin), "paymentMethod");
    Map<String, Object> letters = order("BUSINESS_HALL");
    letters.put("paymentAmount", "a");
    ResponseEntity<JsonNode> answer = client.submitStartForm("business-hall", InstallationVariables.PROCESS_ID, letters);
    assertRefused(answer, "paymentAmount");
    assertThat(answer.getBody().toString()).doesNotContain("decimal digit", "No enum constant");
    Map<String, Object> typed = order("BUSINESS_HALL");
    typed.put("paymentAmount", Map.of("value", "a", "type", "Double"));
    assertRefused(client.submitStartForm("business-hall", InstallationVariables.PROCESS_ID, typed), "paymentAmount");
    Map<String, Object> negative = order("BUSINESS_HALL");
    negative.put("paymentAmount", -300);
    assertRefused(client.submitStartForm("business-hall", InstallationVariables.PROCESS_ID, negative), "paymentAmount");
    Map<String, Object> mode = order("HOTLINE_400");
    mode.put("constructionMode", "MOONBEAM");
    assertRefused(client.submitStartForm("hotline", InstallationVariables.PROCESS_ID, mode), "constructionMode");
    assertThat(CaseSnapshot.of(jdbc, runtimeService, taskService, null)).isEqualTo(before);
  }

  @Test
  void theHallsEmptyFirstLevelAuditIsRefused() {
    ProcessInstance order = start("BUSINESS_HALL");
    executeJobs(order);
    Task audit = task(order, "Task_FirstLevelAudit");
    CaseSnapshot before = snapshot(order).get();
    assertRefused(client.submitTaskForm(group(audit), audit.getId(), Map.of()), "auditResult");
    assertRefused(client.submitTaskForm(group(audit), audit.getId(), Map.of("auditResult", "IRREGULAR")), "auditNote");
    assertThat(snapshot(order).get()).isEqualTo(before);
  }

  @Test
  void aVisitBookedInThePastAndANegativeHandoverAreRefused() {
    ProcessInstance order = start("HOTLINE_400");
    Task extract = task(order, "Task_ExtractPreRegistration");
    assertThat(client.submitTaskForm(group(extract), extract.getId(), Map.of("extractionNote", "ok"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeJobs(order);
    Task book = task(order, "Task_BookAppointment");
    CaseSnapshot before = snapshot(order).get();
    assertRefused(client.submitTaskForm(group(book), book.getId(), Map.of("appointmentAt", "2026-11-17T09:00+08:00")),
        "appointmentAt");
    assertThat(snapshot(order).get()).isEqualTo(before);
    assertThat(client.submitTaskForm(group(book), book.getId(), Map.of("appointmentAt", "2026-11-20T09:00+08:00"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    clock("2026-11-20T09:30+08:00");
    Task install = task(order, "Task_InstallOnSite");
    Map<String, Object> installed = new HashMap<>(Map.of("installOutcome", "INSTALLED", "acceptanceFormSigned", true,
        "receiptIssued", true, "serviceManualHandedOver", true, "idPhotoTaken", true, "paymentMethod", "CASH",
        "paymentAmount", 200));
    Map<String, Object> rescheduled = Map.of("installOutcome", "RESCHEDULED", "rescheduleReason", "客户不在家",
        "newAppointmentAt", "2026-11-19T09:00+08:00");
    before = snapshot(order).get();
    assertRefused(client.submitTaskForm(group(install), install.getId(), rescheduled), "newAppointmentAt");
    installed.put("paymentAmount", -1);
    assertRefused(client.submitTaskForm(group(install), install.getId(), installed), "paymentAmount");
    assertThat(snapshot(order).get()).isEqualTo(before);
  }

  @Test
  void everyInstallationFormRefusesEveryTampering() {
    TamperSuite suite = new TamperSuite(client, taskService, formService, repositoryService);
    int made = 0;
    int forms = 0;

    made += suite.start(InstallationVariables.PROCESS_ID, "business-hall", order("BUSINESS_HALL"),
        () -> CaseSnapshot.of(jdbc, runtimeService, taskService, null));
    forms++;

    // 400 path: extraction, booking, installation, return order, cash handover with a mismatch, its review
    ProcessInstance order = start("HOTLINE_400");
    made += step(suite, order, "Task_ExtractPreRegistration", Map.of("extractionNote", "extracted"));
    executeJobs(order);
    made += step(suite, order, "Task_BookAppointment", Map.of("appointmentAt", "2026-11-20T09:00+08:00",
        "appointmentNote", "客户上午在家"));
    clock("2026-11-20T09:30+08:00");
    made += step(suite, order, "Task_InstallOnSite", Map.of("installOutcome", "INSTALLED",
        "acceptanceFormSigned", true, "receiptIssued", true, "serviceManualHandedOver", true, "idPhotoTaken", true,
        "paymentMethod", "CASH", "paymentAmount", 200));
    made += step(suite, order, "Task_ReturnOrder", Map.of("paymentHandedIn", true, "formsHandedIn", true,
        "returnNote", "ok"));
    made += step(suite, order, "Task_CashHandover", Map.of("handoverAmount", 150,
        "backOfficeSignature", "Wang (back office)", "installerSignature", "Zhao (installer)"));
    made += step(suite, order, "Task_ResolvePaymentMismatch", Map.of("supervisionNote", "差额已追回"));
    forms += 6;

    // hall path: the first-level audit
    clock("2026-11-18T15:30+08:00");
    ProcessInstance hall = start("BUSINESS_HALL");
    executeJobs(hall);
    made += step(suite, hall, "Task_FirstLevelAudit", Map.of("auditResult", "PASSED"));
    forms++;

    System.out.println("Tamper suite, broadband installation: " + forms + " forms, " + made
        + " tampered submissions, all 400; " + TamperSuite.figures("run total"));
    assertThat(made).isGreaterThan(forms * 10);
  }

  int step(TamperSuite suite, ProcessInstance order, String activityId, Map<String, Object> valid) {
    Task task = task(order, activityId);
    assertThat(task).as("task %s", activityId).isNotNull();
    return suite.task(task.getId(), group(task), new HashMap<>(valid), snapshot(order));
  }
}
