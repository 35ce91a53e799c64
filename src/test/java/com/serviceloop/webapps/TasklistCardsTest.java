package com.serviceloop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.security.IdentitySetup;
import com.serviceloop.security.ServiceLoopGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
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
 * What staff see in Tasklist, asked the way Tasklist asks (POST /engine-rest/filter/{id}/list as HAL, over
 * real HTTP as the staff member): each card's order number, customer and category, the installers' queue
 * with 400 orders first, the network's queue per region — and that seeing a case's facts does not open
 * other cases or allow changing anything.
 */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class TasklistCardsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired com.serviceloop.escalation.EscalationRequests escalations;

  WebappCases cases;
  String region;

  @BeforeEach
  void setUp() {
    cases = new WebappCases("cards", rest, runtimeService, taskService, managementService, identityService, jdbc);
    region = cases.region;
  }

  @AfterEach
  void tearDown() {
    cases.cleanUp();
  }

  @Test
  void aComplaintsCardShowsOrderNumberCustomerCategoryAndDeadlineToTheGroupThatWorksOnIt() {
    String orderNo = cases.complaint();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(orderNo).singleResult();
    String group = cases.candidateGroup(task);
    String user = cases.staff(group);

    JsonNode card = card(user, filterOf(group), task.getId());
    assertThat(variables(card)).containsEntry("orderNo", orderNo).containsEntry("customerName", "李四")
        .containsEntry("category", "BILLING");
    assertThat(card.path("due").asText()).isNotBlank();
    assertThat(card.path("name").asText()).isEqualTo(task.getName());
  }

  @Test
  void aGroupReadsTheCaseItHasWorkInButChangesNothingAndSeesNoOtherCase() {
    String orderNo = cases.complaint();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(orderNo).singleResult();
    String group = cases.candidateGroup(task);
    String pi = task.getProcessInstanceId();
    String member = cases.staff(group);
    String outsider = cases.staff(ServiceLoopGroups.INSTALLERS_OWN.equals(group)
        ? ServiceLoopGroups.INSTALLERS_PARTNER : ServiceLoopGroups.INSTALLERS_OWN);

    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi + "/variables/customerName",
        JsonNode.class).getBody().path("value").asText()).isEqualTo("李四");
    // reading is all: no variable changed, no instance deleted or suspended
    assertThat(send(member, HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/customerName",
        "{\"value\": \"someone else\", \"type\": \"String\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(member, HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended",
        "{\"suspended\": true}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(member, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.getVariable(pi, "customerName")).isEqualTo("李四");

    // another group sees neither the case nor its variables
    assertThat(cases.as(outsider).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(cases.as(outsider).getForEntity("/engine-rest/variable-instance?processInstanceIdIn=" + pi, JsonNode.class)
        .getBody()).isEmpty();
    assertThat(cases.as(member).getForEntity("/engine-rest/variable-instance?processInstanceIdIn=" + pi, JsonNode.class)
        .getBody()).isNotEmpty();
  }

  @Test
  void aGroupMadeACandidateLaterReadsTheCaseFromThen() {
    String orderNo = cases.complaint();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(orderNo).singleResult();
    String pi = task.getProcessInstanceId();
    String later = ServiceLoopGroups.INSTALLERS_OWN.equals(cases.candidateGroup(task))
        ? ServiceLoopGroups.INSTALLERS_PARTNER : ServiceLoopGroups.INSTALLERS_OWN;
    String member = cases.staff(later);
    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    taskService.addCandidateGroup(task.getId(), later);

    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi + "/variables/customerName",
        JsonNode.class).getBody().path("value").asText()).isEqualTo("李四");
  }

  @Test
  void aCaseReadAnAdministratorTookAwayStaysAwayWhileTheTaskIsOnlyWorkedOn() {
    String orderNo = cases.complaint();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(orderNo).singleResult();
    String group = cases.candidateGroup(task);
    String pi = task.getProcessInstanceId();
    String member = cases.staff(group);
    authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi).list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the task is worked on (a saved form: its variables change, an engine task update), not given to anyone new
    taskService.setVariable(task.getId(), "customerName", "李四");
    taskService.setAssignee(task.getId(), member);

    assertThat(cases.as(member).getForEntity("/engine-rest/process-instance/" + pi, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void installersSeeThe400OrderFirst_evenWhenAnotherOrderIsDueEarlier() {
    String website = cases.installation("WEBSITE", "2026-11-18T09:00+08:00");
    String hotline400 = cases.installation("HOTLINE_400", "2026-11-18T15:30+08:00");
    Task websiteInstall = cases.toInstall(website, "2026-11-20T09:00+08:00");
    Task hotlineInstall = cases.toInstall(hotline400, "2026-11-20T09:00+08:00");
    assertThat(websiteInstall.getDueDate()).isBefore(hotlineInstall.getDueDate());
    assertThat(hotlineInstall.getPriority()).isEqualTo(80);
    assertThat(websiteInstall.getPriority()).isEqualTo(50);

    String installer = cases.staff(ServiceLoopGroups.INSTALLERS_OWN);
    List<String> queue = taskIds(list(installer, filterOf(ServiceLoopGroups.INSTALLERS_OWN)));
    assertThat(queue).contains(hotlineInstall.getId(), websiteInstall.getId());
    assertThat(queue.indexOf(hotlineInstall.getId())).isLessThan(queue.indexOf(websiteInstall.getId()));
    // and the card says which order, whose, which package
    assertThat(variables(card(installer, filterOf(ServiceLoopGroups.INSTALLERS_OWN), hotlineInstall.getId())))
        .containsEntry("customerName", "Li Lei").containsEntry("broadbandPackage", "100M")
        .containsKey("orderNo");
  }

  @Test
  void networkStaffHaveAQueuePerRegion() {
    // a configured region (application.yaml: serviceloop.webapps.network-regions), a building of our own
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES ('Hangzhou-Xihu', ?, '1', 5, CURRENT_TIMESTAMP)", region);
    String xihu = cases.installation("HOTLINE_400", "2026-11-18T15:30+08:00", "Hangzhou-Xihu");
    String elsewhere = cases.installation("HOTLINE_400", "2026-11-18T15:30+08:00", region);
    Task xihuBooking = cases.toBooking(xihu);
    Task otherBooking = cases.toBooking(elsewhere);

    String network = cases.staff(ServiceLoopGroups.NETWORK);
    String xihuFilter = filterId(IdentitySetup.networkRegionFilterName("Hangzhou-Xihu"));
    List<String> xihuQueue = taskIds(list(network, xihuFilter));
    assertThat(xihuQueue).contains(xihuBooking.getId()).doesNotContain(otherBooking.getId());
    assertThat(taskIds(list(network, filterOf(ServiceLoopGroups.NETWORK))))
        .contains(xihuBooking.getId(), otherBooking.getId());
    assertThat(variables(card(network, xihuFilter, xihuBooking.getId()))).containsEntry("region", "Hangzhou-Xihu");
    // a region's queue is the network's: other groups cannot open it
    assertThat(list(cases.staff(ServiceLoopGroups.HOTLINE), xihuFilter).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theSupervisorsEscalationFormAndCardShowTheComplaint() throws Exception {
    String orderNo = cases.complaint();
    escalations.request(orderNo, "VIP");
    // (the same customer may have complained before: a REPEAT_COMPLAINT escalation runs beside it)
    String escalation = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
        .processInstanceBusinessKey(orderNo).variableValueEquals("escalationReason", "VIP").singleResult().getId();
    cases.started.add(escalation);
    managementService.createJobQuery().processInstanceId(escalation).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Task supervise = cases.task(escalation, "Task_SuperviseEscalation");
    String supervisor = cases.staff(cases.candidateGroup(supervise));

    JsonNode form = formVariables(supervisor, supervise.getId());
    assertThat(disabledKeys("escalation-instruction")).allSatisfy(key -> assertThat(form.has(key)).as(key).isTrue());
    assertThat(form.at("/description/value").asText()).isEqualTo("十月账单多扣 30 元短信费");
    assertThat(form.at("/customerName/value").asText()).isEqualTo("李四");
    assertThat(form.at("/escalationDueText/value").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(variables(card(supervisor, filterOf(cases.candidateGroup(supervise)), supervise.getId())))
        .containsEntry("orderNo", orderNo).containsEntry("customerName", "李四").containsEntry("category", "BILLING");
  }

  @Test
  void theReturnVisitFormShowsWhoAndWhatTheCallIsAbout() throws Exception {
    String order = cases.installation("HOTLINE_400", "2026-11-18T15:30+08:00");
    Task install = cases.toInstall(order, "2026-11-20T09:00+08:00");
    taskService.complete(install.getId(), Map.of("installOutcome", "INSTALLED", "acceptanceFormSigned", true,
        "receiptIssued", true, "serviceManualHandedOver", true, "idPhotoTaken", true,
        "paymentMethod", "POS", "paymentAmount", 200L));
    taskService.complete(cases.task(order, "Task_ReturnOrder").getId(), Map.of("formsHandedIn", true));
    // the two signatures of the cash handover are two authenticated users
    String confirm = cases.task(order, "Task_ConfirmCashHandover").getId();
    signedBy("installer-zhao", () -> taskService.complete(confirm, Map.of("installerHandoverAmount", 200L,
        "cashHandedOver", true)));
    String receive = cases.task(order, "Task_CashHandover").getId();
    signedBy("backoffice-wang", () -> taskService.complete(receive, Map.of("handoverAmount", 200L,
        "cashReceived", true)));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(order)
        .activityId("CallActivity_ReturnVisit").singleResult().getId());
    Task call = taskService.createTaskQuery().processInstanceBusinessKey(
        (String) runtimeService.getVariable(order, "orderNo")).taskDefinitionKey("Task_CallCustomer").singleResult();
    String agent = cases.staff(ServiceLoopGroups.HOTLINE);

    JsonNode form = formVariables(agent, call.getId());
    assertThat(disabledKeys("return-visit")).allSatisfy(key -> assertThat(form.has(key)).as(key).isTrue());
    assertThat(form.at("/customerName/value").asText()).isEqualTo("Li Lei");
    assertThat(form.at("/broadbandPackage/value").asText()).isEqualTo("100M");
    assertThat(variables(card(agent, filterOf(ServiceLoopGroups.HOTLINE), call.getId())))
        .containsEntry("customerName", "Li Lei").containsEntry("broadbandPackage", "100M").containsKey("orderNo");
  }

  // ------------------------------------------------------------------ helpers

  /** Runs as this authenticated user with administrator rights (the engine's current authentication). */
  void signedBy(String user, Runnable work) {
    identityService.setAuthentication(user, java.util.List.of(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN));
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  JsonNode formVariables(String user, String taskId) {
    ResponseEntity<JsonNode> answer = cases.as(user).getForEntity("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /**
   * The keys a form shows read-only (readonly and disabled: never submitted), except those it hides when
   * the case has no such value (a return visit of an installation has no complaint category).
   */
  static List<String> disabledKeys(String formId) throws java.io.IOException {
    List<String> keys = new ArrayList<>();
    JsonNode form = JSON.readTree(java.nio.file.Path.of("forms", formId + ".form").toFile());
    form.path("components").forEach(c -> {
      if (c.path("disabled").asBoolean() && c.has("key") && !c.path("conditional").has("hide")) {
        assertThat(c.path("readonly").asBoolean()).as("%s: disabled and readonly", c.path("key").asText()).isTrue();
        keys.add(c.path("key").asText());
      }
    });
    assertThat(keys).isNotEmpty();
    return keys;
  }









  String filterOf(String group) {
    return filterId(ServiceLoopGroups.ALL.stream().filter(g -> g.id().equals(group)).findFirst().orElseThrow()
        .filterName());
  }

  String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }


  ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return cases.as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** The request Tasklist makes for a filter's list. */
  ResponseEntity<JsonNode> list(String user, String filterId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    return cases.as(user).exchange("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=1000",
        HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
  }

  JsonNode card(String user, String filterId, String taskId) {
    ResponseEntity<JsonNode> answer = list(user, filterId);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    for (JsonNode task : answer.getBody().path("_embedded").path("task")) {
      if (taskId.equals(task.path("id").asText())) {
        return task;
      }
    }
    throw new AssertionError("task " + taskId + " not in the filter's list for " + user);
  }

  static List<String> taskIds(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    answer.getBody().path("_embedded").path("task").forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  static Map<String, String> variables(JsonNode card) {
    Map<String, String> values = new HashMap<>();
    card.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
    return values;
  }
}
