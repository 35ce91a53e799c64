package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import com.serviceloop.security.ServiceLoopGroups;
import com.serviceloop.submission.CaseSnapshot;
import com.serviceloop.submission.EngineRestClient;
import com.serviceloop.submission.Submission;
import com.serviceloop.submission.SubmissionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 7's findings on the complaint, return-visit and escalation forms, reproduced over real HTTP on the
 * engine REST API as the staff of the task's candidate group: each was accepted (204) before the
 * submission guard, each is now a 400 (or 403) that names the field and changes nothing.
 */
@ServiceLoopTest
class ComplaintSubmissionGuardTest extends ComplaintProcessTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired List<SubmissionRule> rules;

  EngineRestClient client;

  @BeforeEach
  void client() {
    client = new EngineRestClient(rest, identityService);
  }

  static final Map<String, Object> FIRST_CONTACT = Map.of(
      "contactResult", "REACHED", "contactNote", "已与客户通话", "needsOnSiteVisit", false);

  String group(Task task) {
    return candidateGroups(task).get(0);
  }

  CaseSnapshot snapshot(ProcessInstance complaint, String... more) {
    List<String> ids = new ArrayList<>(List.of(complaint.getId()));
    ids.addAll(List.of(more));
    return CaseSnapshot.of(jdbc, runtimeService, taskService, orderNo(complaint), ids.toArray(String[]::new));
  }

  static List<String> fields(ResponseEntity<JsonNode> answer) {
    List<String> fields = new ArrayList<>();
    answer.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  void assertRefused(ResponseEntity<JsonNode> answer, String... fields) {
    assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("type").asText()).isEqualTo("InvalidFormSubmission");
    assertThat(fields(answer)).contains(fields);
    for (String field : fields) {
      assertThat(answer.getBody().path("message").asText()).as("the notice Tasklist shows names %s", field)
          .contains(field);
    }
  }

  @Test
  void anotherOrdersNumberInTheFirstContactIsRefusedAndBothOrdersStayAsTheyWere() {
    ProcessInstance mine = startComplaint(intake(newPhone()));
    ProcessInstance other = startComplaint(intake(newPhone()));
    Task task = task(mine, ComplaintProcess.Task_FirstContact);
    CaseSnapshot mineBefore = snapshot(mine);
    CaseSnapshot otherBefore = snapshot(other);

    Map<String, Object> values = new HashMap<>(FIRST_CONTACT);
    values.put("orderNo", orderNo(other));
    assertRefused(client.submitTaskForm(group(task), task.getId(), values), "orderNo");

    assertThat(snapshot(mine)).isEqualTo(mineBefore);
    assertThat(snapshot(other)).isEqualTo(otherBefore);
    // the form's own values alone are accepted, and recorded on this order only
    assertThat(client.submitTaskForm(group(task), task.getId(), FIRST_CONTACT).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(workOrder(mine).firstContactAt()).isNotNull();
    assertThat(workOrder(other).firstContactAt()).isNull();
  }

  @Test
  void aRegulatorReferralOnTheStartFormIsRefusedForAHotlineAgentAndNothingIsWritten() {
    Map<String, Object> referral = intake(newPhone());
    referral.put("channel", "REGULATOR");
    referral.put("regulatorReference", "工信部申〔2026〕0123号");
    referral.put("regulatorReplyDue", "2026-11-25T17:00+08:00");
    CaseSnapshot before = CaseSnapshot.of(jdbc, runtimeService, taskService, null);
    assertRefused(client.submitStartForm("hotline", ComplaintProcess.PROCESS_ID, referral), "channel");
    assertThat(CaseSnapshot.of(jdbc, runtimeService, taskService, null)).isEqualTo(before);
    // the same referral from a channel system (the regulator's referral platform) is recorded
    assertThat(client.submitStartForm("channel-systems", ComplaintProcess.PROCESS_ID, referral).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void variablesTheFormDoesNotOfferAreRefused() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    Task task = task(complaint, ComplaintProcess.Task_FirstContact);
    CaseSnapshot before = snapshot(complaint);
    for (Map.Entry<String, Object> forged : Map.<String, Object>of("responsibleGroup", "dept-channel-service",
        "rounds", 3, "firstContactDue", "2030-01-01T00:00+08:00", "closureDueText", "never").entrySet()) {
      Map<String, Object> values = new HashMap<>(FIRST_CONTACT);
      values.put(forged.getKey(), forged.getValue());
      assertRefused(client.completeTask(group(task), task.getId(), values), forged.getKey());
    }
    assertThat(snapshot(complaint)).isEqualTo(before);
  }

  @Test
  void emptySubmissionsOfFirstContactResolutionReplyAndEscalationInstructionAreRefused() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");   // escalated at intake: a shift lead's instruction task
    ProcessInstance complaint = startComplaint(intake);
    ProcessInstance escalation = escalationsOf(orderNo(complaint)).get(0);

    Task firstContact = task(complaint, ComplaintProcess.Task_FirstContact);
    CaseSnapshot before = snapshot(complaint, escalation.getId());
    assertRefused(client.submitTaskForm(group(firstContact), firstContact.getId(), Map.of()),
        "contactResult", "contactNote");
    Task instruction = task(escalation, EscalationProcess.Task_SuperviseEscalation);
    assertRefused(client.submitTaskForm(group(instruction), instruction.getId(), Map.of()), "escalationInstruction");
    assertThat(snapshot(complaint, escalation.getId())).isEqualTo(before);

    firstContact(complaint);
    Task resolution = task(complaint, ComplaintProcess.Task_ResolveComplaint);
    before = snapshot(complaint);
    assertRefused(client.submitTaskForm(group(resolution), resolution.getId(), Map.of()),
        "resolution", "rootCause", "responsibleParty", "disputedAmount");
    assertThat(snapshot(complaint)).isEqualTo(before);

    resolve(complaint, "NETWORK_FAULT", 0);
    Task reply = task(complaint, ComplaintProcess.Task_ReplyToCustomer);
    before = snapshot(complaint);
    assertRefused(client.submitTaskForm(group(reply), reply.getId(), Map.of()), "replyNote");
    assertThat(snapshot(complaint)).isEqualTo(before);
  }

  @Test
  void aDocumentsRequestWithoutSayingWhichDocumentsIsRefused_asIsAnArrivalInTheFuture() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    firstContact(complaint);
    Task resolution = task(complaint, ComplaintProcess.Task_ResolveComplaint);
    CaseSnapshot before = snapshot(complaint);
    Map<String, Object> values = new HashMap<>(Map.of("documentsRequested", true, "documentsRequestedNote", ""));
    assertRefused(client.submitTaskForm(group(resolution), resolution.getId(), values), "documentsRequestedNote");
    values.remove("documentsRequestedNote");
    assertRefused(client.submitTaskForm(group(resolution), resolution.getId(), values), "documentsRequestedNote");
    assertThat(snapshot(complaint)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_sla_pause WHERE order_no = ?", Integer.class,
        orderNo(complaint))).isZero();

    values.put("documentsRequestedNote", "缴费凭证");
    assertThat(client.submitTaskForm(group(resolution), resolution.getId(), values).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Task received = task(complaint, ComplaintProcess.Task_RecordDocumentsReceived);
    before = snapshot(complaint);
    Map<String, Object> arrival = new HashMap<>(Map.of("documentsReceivedAt", "2026-11-21T10:00+08:00",
        "documentsReceivedNote", "收到"));   // the clock is at 2026-11-20 17:05
    assertRefused(client.submitTaskForm(group(received), received.getId(), arrival), "documentsReceivedAt");
    arrival.put("documentsReceivedAt", "2026-11-19T10:00+08:00");   // before the request
    assertRefused(client.submitTaskForm(group(received), received.getId(), arrival), "documentsReceivedAt");
    assertThat(snapshot(complaint)).isEqualTo(before);
  }

  @Test
  void valuesOutsideTheOptionsAndNegativeAmountsAreRefused() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    firstContact(complaint);
    Task resolution = task(complaint, ComplaintProcess.Task_ResolveComplaint);
    CaseSnapshot before = snapshot(complaint);
    Map<String, Object> values = new HashMap<>(Map.of("resolution", "已处理", "rootCause", "FOO",
        "responsibleParty", "网络优化中心", "disputedAmount", 0));
    assertRefused(client.submitTaskForm(group(resolution), resolution.getId(), values), "rootCause");
    values.put("rootCause", "NETWORK_FAULT");
    values.put("disputedAmount", -50);
    assertRefused(client.submitTaskForm(group(resolution), resolution.getId(), values), "disputedAmount");
    assertThat(snapshot(complaint)).isEqualTo(before);

    resolve(complaint, "NETWORK_FAULT", 0);
    reply(complaint);
    executeDueJobs(complaint);
    ProcessInstance visit = returnVisit(complaint);
    Task call = task(visit, ReturnVisitProcess.Task_CallCustomer);
    before = snapshot(complaint, visit.getId());
    assertRefused(client.submitTaskForm(group(call), call.getId(), Map.of("returnVisitOutcome", "MAYBE")),
        "returnVisitOutcome");
    assertThat(snapshot(complaint, visit.getId())).isEqualTo(before);
    assertThat(workOrder(complaint).satisfaction()).isNull();
  }

  @Test
  void anAppointmentInThePastIsRefused() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    Task task = task(complaint, ComplaintProcess.Task_FirstContact);
    CaseSnapshot before = snapshot(complaint);
    Map<String, Object> values = new HashMap<>(FIRST_CONTACT);
    values.put("needsOnSiteVisit", true);
    values.put("appointmentAt", "2026-11-19T10:00+08:00");   // the clock is at 2026-11-20 17:05
    assertRefused(client.submitTaskForm(group(task), task.getId(), values), "appointmentAt");
    values.put("appointmentAt", "next tuesday");
    assertRefused(client.submitTaskForm(group(task), task.getId(), values), "appointmentAt");
    // required only when the visit is ticked: ticked and missing is refused
    values.remove("appointmentAt");
    assertRefused(client.submitTaskForm(group(task), task.getId(), values), "appointmentAt");
    assertThat(snapshot(complaint)).isEqualTo(before);

    values.put("appointmentAt", "2026-11-23T14:00+08:00");
    assertThat(client.submitTaskForm(group(task), task.getId(), values).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(workOrder(complaint).onSiteAppointment()).isTrue();
  }

  @Test
  void triageToAGroupThatDoesNotExistIsRefused() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("category", "OTHER");
    intake.remove("location");
    intake.put("subject", "营业厅装修噪音");
    ProcessInstance complaint = startComplaint(intake);
    Task triage = task(complaint, ComplaintProcess.Task_TriageComplaint);
    CaseSnapshot before = snapshot(complaint);
    assertRefused(client.submitTaskForm(group(triage), triage.getId(), Map.of("assuranceModule",
        "BUSINESS_MANAGEMENT", "responsibleGroup", "no-such-group")), "responsibleGroup");
    assertThat(snapshot(complaint)).isEqualTo(before);
  }

  @Test
  void theTriageRuleRefusesAnOptionThatIsNoResponsibleGroup() {
    // a process owner may add an option for a group that was never created: the rule still stops it
    List<SubmissionRule> triageRules = rules.stream().filter(r -> r.formIds().contains("complaint-triage")).toList();
    assertThat(triageRules).isNotEmpty();
    for (String group : List.of("dept-to-be-created", ServiceLoopGroups.AUDITORS)) {
      Submission submission = new Submission("complaint-triage", "t", "p", "CMP-1", "u", List.of(),
          Map.of("responsibleGroup", group), Map.of());
      assertThat(triageRules.stream().flatMap(r -> r.check(submission).stream()).toList())
          .as(group).extracting(e -> e.field()).contains("responsibleGroup");
    }
    Submission real = new Submission("complaint-triage", "t", "p", "CMP-1", "u", List.of(),
        Map.of("responsibleGroup", ServiceLoopGroups.DEPT_CHANNEL_SERVICE), Map.of());
    assertThat(triageRules.stream().flatMap(r -> r.check(real).stream()).toList()).isEmpty();
  }

  @Test
  void anEscalationDeadlineBeyondTheStatutoryLimitOrBeforeReceiptIsRefused() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");   // received 2026-11-20 17:00
    ProcessInstance complaint = startComplaint(intake);
    ProcessInstance escalation = escalationsOf(orderNo(complaint)).get(0);
    Task task = task(escalation, EscalationProcess.Task_SuperviseEscalation);
    CaseSnapshot before = snapshot(complaint, escalation.getId());
    for (String deadline : List.of("2027-02-20T17:00+08:00", "2026-12-05T17:01+08:00", "2026-11-19T17:00+08:00",
        "2026-11-20T17:04+08:00")) {
      assertRefused(client.submitTaskForm(group(task), task.getId(), Map.of("escalationInstruction", "加快处理",
          "escalationNewDeadline", deadline)), "escalationNewDeadline");
    }
    assertThat(snapshot(complaint, escalation.getId())).isEqualTo(before);
    assertThat(client.submitTaskForm(group(task), task.getId(), Map.of("escalationInstruction", "加快处理",
        "escalationNewDeadline", "2026-12-05T17:00+08:00")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void staffMayNotWriteCaseVariablesThroughTheVariableEndpoints() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    Task task = task(complaint, ComplaintProcess.Task_FirstContact);
    String staff = group(task);
    CaseSnapshot before = snapshot(complaint);
    List<ResponseEntity<JsonNode>> answers = List.of(
        client.exchange(staff, HttpMethod.PUT, "/engine-rest/process-instance/" + complaint.getId()
            + "/variables/rounds", Map.of("value", 3)),
        client.exchange(staff, HttpMethod.POST, "/engine-rest/process-instance/" + complaint.getId()
            + "/variables", Map.of("modifications", Map.of("rounds", Map.of("value", 3)))),
        client.exchange(staff, HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/orderNo",
            Map.of("value", "CMP-999999")),
        client.exchange(staff, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/variables",
            Map.of("modifications", Map.of("responsibleGroup", Map.of("value", "dept-channel-service")))),
        client.exchange(staff, HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/localVariables/x",
            Map.of("value", 1)),
        client.exchange(staff, HttpMethod.DELETE, "/engine-rest/task/" + task.getId() + "/variables/orderNo", ""),
        client.exchange(staff, HttpMethod.PUT, "/engine-rest/execution/" + task.getExecutionId()
            + "/localVariables/firstContactDue", Map.of("value", "later")),
        client.exchange(staff, HttpMethod.PUT, "/engine-rest/task/" + task.getId(),
            Map.of("name", task.getName(), "due", "2030-01-01T00:00:00.000+0800")),
        client.exchange(staff, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/identity-links",
            Map.of("groupId", "dept-channel-service", "type", "candidate")));
    for (ResponseEntity<JsonNode> answer : answers) {
      assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody().path("message").asText()).contains("administrators only");
    }
    assertThat(snapshot(complaint)).isEqualTo(before);
    assertThat(candidateGroups(task(complaint, ComplaintProcess.Task_FirstContact))).containsExactly(staff);
    // reading stays open to them
    assertThat(client.exchange(staff, HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/form-variables", "")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAuditorsJobExecutionCostsTheTimerNothing() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    Job closureTimer = timer(complaint, ComplaintProcess.Timer_ClosureDue);
    int retries = closureTimer.getRetries();
    for (String who : List.of(ServiceLoopGroups.AUDITORS, ServiceLoopGroups.AUDITORS, ServiceLoopGroups.AUDITORS,
        group(task(complaint, ComplaintProcess.Task_FirstContact)))) {
      ResponseEntity<JsonNode> answer = client.post(who, "/engine-rest/job/" + closureTimer.getId() + "/execute", "");
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    for (ResponseEntity<JsonNode> answer : List.of(
        client.exchange(ServiceLoopGroups.SHIFT_LEAD, HttpMethod.PUT, "/engine-rest/job/" + closureTimer.getId()
            + "/retries", Map.of("retries", 0)),
        client.post(ServiceLoopGroups.SHIFT_LEAD, "/engine-rest/job/retries",
            Map.of("jobIds", List.of(closureTimer.getId()), "retries", 0)),
        client.exchange(ServiceLoopGroups.SHIFT_LEAD, HttpMethod.PUT, "/engine-rest/job/" + closureTimer.getId()
            + "/suspended", Map.of("suspended", true)),
        client.exchange(ServiceLoopGroups.SHIFT_LEAD, HttpMethod.PUT, "/engine-rest/job-definition/"
            + closureTimer.getJobDefinitionId() + "/retries", Map.of("retries", 0)),
        client.exchange(ServiceLoopGroups.SHIFT_LEAD, HttpMethod.PUT, "/engine-rest/process-instance/"
            + complaint.getId() + "/suspended", Map.of("suspended", true)))) {
      assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    Job after = managementService.createJobQuery().jobId(closureTimer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(complaint.getId()).count()).isZero();
    // queries stay open
    assertThat(client.post(ServiceLoopGroups.AUDITORS, "/engine-rest/job/count",
        Map.of("processInstanceId", complaint.getId())).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void auditorsWriteNoCommentsAttachmentsOrAssignments() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    Task task = task(complaint, ComplaintProcess.Task_FirstContact);
    String auditors = ServiceLoopGroups.AUDITORS;
    for (ResponseEntity<JsonNode> answer : List.of(
        client.post(auditors, "/engine-rest/task/" + task.getId() + "/comment/create", Map.of("message", "稽核意见")),
        client.post(auditors, "/engine-rest/task/" + task.getId() + "/assignee",
            Map.of("userId", client.userOf(auditors))),
        client.post(auditors, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", client.userOf(auditors))),
        client.post(auditors, "/engine-rest/task/" + task.getId() + "/identity-links",
            Map.of("userId", client.userOf(auditors), "type", "candidate")),
        client.post(auditors, "/engine-rest/process-instance/" + complaint.getId() + "/comment/create",
            Map.of("message", "x")))) {
      assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    // they read, also with POST queries
    assertThat(client.post(auditors, "/engine-rest/task/count", Map.of("processInstanceId", complaint.getId()))
        .getBody().path("count").asInt()).isEqualTo(1);
    assertThat(client.post(auditors, "/engine-rest/history/task", Map.of("processInstanceId", complaint.getId()))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    // an administrator still comments
    ResponseEntity<JsonNode> comment = client.post("demo", "/engine-rest/task/" + task.getId()
        + "/comment/create", Map.of("message", "已联系"));
    assertThat(comment.getStatusCode()).as("%s", comment.getBody()).isEqualTo(HttpStatus.OK);
  }
}
