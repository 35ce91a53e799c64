package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Real HTTP against the running application: HTTP Basic on /engine-rest and /api, and the engine's
 * authorizations behind it — staff see their groups' tasks only, auditors read and change nothing.
 */
@ServiceLoopTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIntegrationTest {

  /** A one-task process for the network-assurance department, deployed for these tests only. */
  static final String PROBE = "security-probe";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  Deployment probe;
  String probeInstanceId;
  final List<String> standaloneTasks = new ArrayList<>();

  @BeforeAll
  void deployProbe() {
    probe = repositoryService.createDeployment().name("security-integration-test")
        .addModelInstance("test/security-probe.bpmn", Bpmn.createExecutableProcess(PROBE)
            .name("Security probe").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Probe").name("Probe task").camundaCandidateGroups("dept-network-assurance")
            .endEvent()
            .done())
        .deploy();
  }

  /** The probe instance, started once inside a test (process-test coverage records engine work per test). */
  @BeforeEach
  void startProbe() {
    if (probeInstanceId == null) {
      probeInstanceId = runtimeService.startProcessInstanceByKey(PROBE, "SECURITY-PROBE-1").getId();
    }
  }

  @AfterAll
  void removeProbe() {
    standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
    repositoryService.deleteDeployment(probe.getId(), true);
  }

  String standaloneTask(String name, String candidateGroup) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
    standaloneTasks.add(task.getId());
    return task.getId();
  }

  String probeTaskId() {
    return taskService.createTaskQuery().processInstanceId(probeInstanceId).singleResult().getId();
  }

  TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, "demo");
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  List<String> taskIdsVisibleTo(String user) {
    ResponseEntity<JsonNode> answer = as(user).getForEntity("/engine-rest/task?maxResults=1000", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    answer.getBody().forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  @Test
  void unauthenticatedCallsAreRefused() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.postForEntity("/api/complaints", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/complaints/CMP-000001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(rest.withBasicAuth("hotline1", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("hotline1", "hotline1").postForEntity("/api/complaints", json("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void staffSeeTheirGroupsTasksAndNotAnotherGroups() {
    String hotlineTask = standaloneTask("回访 hotline task", "hotline");
    String networkTask = standaloneTask("网络 network task", "dept-network-assurance");
    String probeTask = probeTaskId();

    assertThat(taskIdsVisibleTo("hotline1")).contains(hotlineTask).doesNotContain(networkTask, probeTask);
    assertThat(taskIdsVisibleTo("netassure1")).contains(networkTask, probeTask).doesNotContain(hotlineTask);
    assertThat(as("hotline1").getForEntity("/engine-rest/task/" + networkTask, String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    // and they can work their own group's task
    assertThat(as("hotline1").postForEntity("/engine-rest/task/" + hotlineTask + "/claim",
        json("{\"userId\": \"hotline1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("hotline1").postForEntity("/engine-rest/task/" + hotlineTask + "/complete", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // but not another group's
    assertThat(as("hotline1").postForEntity("/engine-rest/task/" + networkTask + "/complete", json("{}"),
        String.class).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void staffMayNotStartProcessesThatAreNotTheirs() {
    assertThat(as("hotline1").postForEntity("/engine-rest/process-definition/key/" + PROBE + "/start", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void auditorsReadDefinitionsTasksAndHistory() {
    ResponseEntity<JsonNode> definitions =
        as("auditor1").getForEntity("/engine-rest/process-definition?key=" + PROBE, JsonNode.class);
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody()).hasSize(1);

    assertThat(as("auditor1").getForEntity("/engine-rest/decision-definition", JsonNode.class).getBody()
        .findValuesAsText("key")).contains("complaint-template");

    ResponseEntity<JsonNode> history = as("auditor1")
        .getForEntity("/engine-rest/history/process-instance?processInstanceId=" + probeInstanceId, JsonNode.class);
    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(history.getBody()).hasSize(1);
    assertThat(as("auditor1").getForEntity("/engine-rest/history/task?processInstanceId=" + probeInstanceId,
        JsonNode.class).getBody()).hasSize(1);
    assertThat(as("auditor1").getForEntity("/engine-rest/process-instance/" + probeInstanceId, JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskIdsVisibleTo("auditor1")).contains(probeTaskId());
    assertThat(as("auditor1").getForEntity("/engine-rest/history/user-operation?maxResults=10", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void auditorsCannotCompleteATaskStartAProcessOrRecordAComplaint() {
    String probeTask = probeTaskId();
    assertThat(as("auditor1").postForEntity("/engine-rest/task/" + probeTask + "/complete", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor1").postForEntity("/engine-rest/task/" + probeTask + "/claim",
        json("{\"userId\": \"auditor1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor1").postForEntity("/engine-rest/process-definition/key/" + PROBE + "/start", json("{}"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor1").exchange("/engine-rest/process-instance/" + probeInstanceId, HttpMethod.DELETE,
        null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> complaint = as("auditor1").postForEntity("/api/complaints",
        json("{\"customerPhone\": \"13800138000\", \"category\": \"OTHER\"}"), JsonNode.class);
    assertThat(complaint.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(complaint.getBody().get("message").asText()).contains("auditor1");

    assertThat(taskService.createTaskQuery().taskId(probeTask).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isEqualTo(1);
  }

  @Test
  void theAdministratorIsNotLimited() {
    assertThat(as("demo").getForEntity("/engine-rest/user?id=hotline1", JsonNode.class).getBody()).hasSize(1);
  }
}
