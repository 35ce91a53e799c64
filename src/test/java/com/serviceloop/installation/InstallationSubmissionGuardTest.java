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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    made += step(suite, order, "Task_ConfirmCashHandover", Map.of("installerHandoverAmount", 150,
        "cashHandedOver", true));
    made += step(suite, order, "Task_CashHandover", Map.of("handoverAmount", 150, "cashReceived", true));
    made += step(suite, order, "Task_ResolvePaymentMismatch", Map.of("supervisionNote", "差额已追回"));
    forms += 7;

    // hall path: the first-level audit
    clock("2026-11-18T15:30+08:00");
    ProcessInstance hall = start("BUSINESS_HALL");
    executeJobs(hall);
    made += step(suite, hall, "Task_FirstLevelAudit", Map.of("auditResult", "IRREGULAR", "auditNote", "发票缺失"));
    made += step(suite, hall, "Task_CorrectHallOrder", Map.of("correctionNote", "发票已补"));
    forms += 2;

    System.out.println("Tamper suite, broadband installation: " + forms + " forms, " + made
        + " tampered submissions, all 400; " + TamperSuite.figures("run total"));
    assertThat(made).isGreaterThan(forms * 10);
  }

  // ---------------------------------------------------------------- issue 7: ports, failed visits, audit, handover

  @Test
  void twoOrdersRacingForTheLastPort_oneIsAccepted_theOtherHearsNoFreePortAtAcceptance() throws Exception {
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) "
        + "VALUES (?, 'Garden', 'last', 1, CURRENT_TIMESTAMP)", region);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (String phone : List.of("13800000001", "13800000002")) {
        answers.add(two.submit(() -> {
          go.await();
          return placeOrder(phone, "last");
        }));
      }
      go.countDown();
      List<String> statuses = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        ResponseEntity<JsonNode> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        statuses.add(response.getBody().path("status").asText());
      }
      assertThat(statuses).containsExactlyInAnyOrder("ACCEPTED", "NO_FREE_PORT");
    } finally {
      two.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT reserved_ports FROM sl_coverage WHERE region = ? AND building = 'last'",
        Integer.class, region)).isEqualTo(1);
    assertThat(jdbc.queryForObject("""
        SELECT COUNT(*) FROM sl_port_reservation WHERE region = ? AND building = 'last' AND status = 'RESERVED'""",
        Integer.class, region)).isEqualTo(1);

    // the customer who was promised the port gets it: the installer's completion is a 204, not a 500
    String orderNo = jdbc.queryForObject("""
        SELECT order_no FROM sl_work_order WHERE region = ? AND address_building = 'last' AND status = 'ACCEPTED'""",
        String.class, region);
    ProcessInstance order = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(orderNo)
        .singleResult();
    toInstallation(order);
    Task install = task(order, "Task_InstallOnSite");
    assertThat(client.submitTaskForm(group(install), install.getId(), installed()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForObject("SELECT port_reservation FROM sl_work_order WHERE order_no = ?", String.class,
        orderNo)).isEqualTo("CONSUMED");
    assertThat(jdbc.queryForObject("SELECT free_ports FROM sl_coverage WHERE region = ? AND building = 'last'",
        Integer.class, region)).isZero();
  }

  @Test
  void aFailedVisit_refusalsAre400_rescheduleTellsTheCustomer_cancelReleasesThePort() {
    ProcessInstance order = start("HOTLINE_400");
    String orderNo = orderNo(order);
    toInstallation(order);
    clock("2026-11-20T09:30+08:00");
    Task install = task(order, "Task_InstallOnSite");
    String installers = group(install);
    CaseSnapshot before = snapshot(order).get();
    assertRefused(client.submitTaskForm(installers, install.getId(), Map.of("installOutcome", "FAILED",
        "failureNote", "客户不在家", "failureNextStep", "RESCHEDULE", "newAppointmentAt", "2026-11-21T10:00+08:00")),
        "failureReason");
    assertRefused(client.submitTaskForm(installers, install.getId(), Map.of("installOutcome", "FAILED",
        "failureReason", "CUSTOMER_ABSENT", "failureNote", "客户不在家", "failureNextStep", "RESCHEDULE",
        "newAppointmentAt", "2026-11-19T10:00+08:00")), "newAppointmentAt");
    assertRefused(client.submitTaskForm(installers, install.getId(), Map.of("installOutcome", "FAILED",
        "failureReason", "CUSTOMER_ABSENT", "failureNote", "客户不在家", "failureNextStep", "RESCHEDULE")),
        "newAppointmentAt");
    assertRefused(client.submitTaskForm(installers, install.getId(), Map.of("installOutcome", "FAILED",
        "failureReason", "CUSTOMER_ABSENT", "failureNote", "   ", "failureNextStep", "CANCEL")), "failureNote");
    assertThat(snapshot(order).get()).isEqualTo(before);

    assertThat(client.submitTaskForm(installers, install.getId(), Map.of("installOutcome", "FAILED",
        "failureReason", "CUSTOMER_ABSENT", "failureNote", "客户不在家", "failureNextStep", "RESCHEDULE",
        "newAppointmentAt", "2026-11-21T10:00+08:00")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_notification_outbox WHERE order_no = ? AND template = ?",
        Integer.class, orderNo, "BROADBAND_VISIT_RESCHEDULED")).isEqualTo(1);

    Task again = task(order, "Task_InstallOnSite");
    assertThat(client.submitTaskForm(installers, again.getId(), Map.of("installOutcome", "FAILED",
        "failureReason", "TECHNICAL_PROBLEM", "failureNote", "楼道无光纤", "failureNextStep", "CANCEL"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(order.getId()).count()).isZero();
    assertThat(jdbc.queryForMap("SELECT status, port_reservation FROM sl_work_order WHERE order_no = ?", orderNo))
        .containsEntry("STATUS", "CANCELLED").containsEntry("PORT_RESERVATION", "RELEASED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_notification_outbox WHERE order_no = ? AND template = ?",
        Integer.class, orderNo, "BROADBAND_CANCELLED")).isEqualTo(1);
  }

  @Test
  void anIrregularAuditNeedsANote_andSendsTheOrderBackToTheHall_notOnward() {
    ProcessInstance hall = start("BUSINESS_HALL");
    executeJobs(hall);
    Task audit = task(hall, "Task_FirstLevelAudit");
    CaseSnapshot before = snapshot(hall).get();
    assertRefused(client.submitTaskForm(group(audit), audit.getId(), Map.of("auditResult", "IRREGULAR",
        "auditNote", "   ")), "auditNote");
    assertThat(snapshot(hall).get()).isEqualTo(before);
    assertThat(client.submitTaskForm(group(audit), audit.getId(), Map.of("auditResult", "IRREGULAR",
        "auditNote", "发票号缺失")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(hall, "Task_BookAppointment")).as("not onward as if passed").isNull();
    Task correct = task(hall, "Task_CorrectHallOrder");
    assertThat(group(correct)).isEqualTo("business-hall");
    assertThat(correct.getDueDate()).isNotNull();
    assertRefused(client.submitTaskForm(group(correct), correct.getId(), Map.of()), "correctionNote");
    assertThat(client.submitTaskForm(group(correct), correct.getId(), Map.of("correctionNote", "发票已补 INV-0001"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task second = task(hall, "Task_FirstLevelAudit");
    assertThat(client.submitTaskForm(group(second), second.getId(), Map.of("auditResult", "PASSED"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(hall, "Task_BookAppointment")).isNotNull();
  }

  @Test
  void theCashHandoverIsSignedByTwoDifferentAuthenticatedUsers_oneUserSigningBothIs400() {
    String both = "guardinstallerandbackoffice";
    TestUsers.ensure(identityService, both, "installers-own");
    if (identityService.createUserQuery().userId(both).memberOfGroup("back-office").count() == 0) {
      identityService.createMembership(both, "back-office");
    }
    ProcessInstance order = start("HOTLINE_400");
    String orderNo = orderNo(order);
    toInstallation(order);
    clock("2026-11-20T09:30+08:00");
    assertThat(submitAs(both, task(order, "Task_InstallOnSite"), installed()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submitAs(both, task(order, "Task_ReturnOrder"), Map.of("formsHandedIn", true)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task confirm = task(order, "Task_ConfirmCashHandover");
    assertThat(confirm.getAssignee()).as("the installer who did the job").isEqualTo(both);
    assertRefused(submitAs(both, confirm, Map.of("installerHandoverAmount", -1, "cashHandedOver", true)),
        "installerHandoverAmount");
    assertThat(submitAs(both, confirm, Map.of("installerHandoverAmount", 200, "cashHandedOver", true))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Task receive = task(order, "Task_CashHandover");
    CaseSnapshot before = snapshot(order).get();
    ResponseEntity<JsonNode> same = submitAs(both, receive, Map.of("handoverAmount", 200, "cashReceived", true));
    assertRefused(same, "cashReceived");
    assertThat(same.getBody().path("message").asText()).contains("two different users");
    // a name typed into the form is no signature: the form has no such field any more
    assertRefused(submitAs(both, receive, Map.of("handoverAmount", 200, "cashReceived", true,
        "backOfficeSignature", "someone else")), "backOfficeSignature");
    assertThat(snapshot(order).get()).isEqualTo(before);

    assertThat(client.submitTaskForm("back-office", receive.getId(), Map.of("handoverAmount", 200,
        "cashReceived", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForMap("SELECT handover_installer, handover_back_office, handover_matches FROM sl_work_order "
        + "WHERE order_no = ?", orderNo)).containsEntry("HANDOVER_INSTALLER", both)
        .containsEntry("HANDOVER_BACK_OFFICE", client.userOf("back-office")).containsEntry("HANDOVER_MATCHES", true);
  }

  ResponseEntity<JsonNode> submitAs(String user, Task task, Map<String, ?> values) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/engine-rest/task/" + task.getId() + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(EngineRestClient.body(values).toString(), headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> placeOrder(String phone, String building) {
    Map<String, Object> json = new HashMap<>();
    json.put("channel", "HOTLINE_400");
    json.put("customerPhone", phone);
    json.put("customerName", "Li Lei");
    json.put("region", region);
    json.put("address", Map.of("compound", "Garden", "building", building, "room", "301"));
    json.put("package", "100M");
    json.put("constructionMode", "SELF_BUILT");
    json.put("acceptedAt", "2026-11-18T15:30+08:00");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("demo", "demo").exchange("/api/broadband-orders", HttpMethod.POST,
        new HttpEntity<>(json, headers), JsonNode.class);
  }

  /** Extraction and booking over HTTP: the order waits at the installer's on-site task. */
  void toInstallation(ProcessInstance order) {
    Task extract = task(order, "Task_ExtractPreRegistration");
    assertThat(client.submitTaskForm(group(extract), extract.getId(), Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    executeJobs(order);
    Task book = task(order, "Task_BookAppointment");
    assertThat(client.submitTaskForm(group(book), book.getId(), Map.of("appointmentAt", "2026-11-20T09:00+08:00"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  static Map<String, Object> installed() {
    return Map.of("installOutcome", "INSTALLED", "acceptanceFormSigned", true, "receiptIssued", true,
        "serviceManualHandedOver", true, "idPhotoTaken", true, "paymentMethod", "CASH", "paymentAmount", 200);
  }

  int step(TamperSuite suite, ProcessInstance order, String activityId, Map<String, Object> valid) {
    Task task = task(order, activityId);
    assertThat(task).as("task %s", activityId).isNotNull();
    return suite.task(task.getId(), group(task), new HashMap<>(valid), snapshot(order));
  }
}
