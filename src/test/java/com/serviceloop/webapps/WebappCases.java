package com.serviceloop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.security.ServiceLoopGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases the web-app tests look at, made as the channels and staff make them: a complaint through the API,
 * an installation in a coverage region of the test's own (a building with free ports), staff users of one
 * group each. {@link #cleanUp()} deletes what the test started and its coverage rows.
 */
final class WebappCases {

  static final ObjectMapper JSON = new ObjectMapper();

  final String region;
  final List<String> started = new ArrayList<>();
  private final String users;
  private final TestRestTemplate rest;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;

  /** {@code users}: the prefix of this test's user names (and of its region), so tests share no user. */
  WebappCases(String users, TestRestTemplate rest, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, IdentityService identityService, JdbcTemplate jdbc) {
    this.users = users;
    this.rest = rest;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.region = users + "-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES (?, 'Garden', '1', 5, CURRENT_TIMESTAMP)", region);
    TestUsers.ensure(identityService, users + "channel", ServiceLoopGroups.CHANNEL_SYSTEMS);
  }

  void cleanUp() {
    started.forEach(id -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test over", true, true);
      }
    });
    jdbc.update("DELETE FROM sl_coverage WHERE region = ? OR compound = ?", region, region);
  }

  /** A billing complaint from the online hall (a channel system), through POST /api/complaints; its order number. */
  String complaint() {
    ObjectNode body = JSON.createObjectNode();
    body.put("customerPhone", "13912345678");
    body.put("customerName", "李四");
    body.put("customerSegment", "PUBLIC");
    body.put("customerTier", "STANDARD");
    body.put("region", "杭州");
    body.put("channel", "ONLINE");
    body.put("category", "BILLING");
    body.put("description", "十月账单多扣 30 元短信费");
    body.put("billingMonth", "2026-10");
    body.put("disputedAmount", 30);
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(users + "channel", TestUsers.PASSWORD)
        .postForEntity("/api/complaints", json(body.toString()), JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    started.add(answer.getBody().path("processInstanceId").asText());
    return answer.getBody().path("orderNo").asText();
  }

  /** An installation in the test's own region; its process instance id. */
  String installation(String channel, String acceptedAt) {
    return installation(channel, acceptedAt, region);
  }

  /** An installation for an order region; a region other than the test's gets the test's region as compound. */
  String installation(String channel, String acceptedAt, String orderRegion) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("channel", channel);
    vars.put("customerPhone", "13800138000");
    vars.put("customerName", "Li Lei");
    vars.put("region", orderRegion);
    vars.put("compound", orderRegion.equals(region) ? "Garden" : region);
    vars.put("building", "1");
    vars.put("room", "301");
    vars.put("broadbandPackage", "100M");
    vars.put("constructionMode", "SELF_BUILT");
    vars.put("acceptedAt", acceptedAt);
    String id = runtimeService.startProcessInstanceByKey("broadband-installation", vars).getId();
    started.add(id);
    return id;
  }

  Task toBooking(String processInstanceId) {
    taskService.complete(task(processInstanceId, "Task_ExtractPreRegistration").getId());
    managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId("ServiceTask_EnterOrderInOrderSystem").singleResult().getId());
    return task(processInstanceId, "Task_BookAppointment");
  }

  Task toInstall(String processInstanceId, String appointmentAt) {
    taskService.complete(toBooking(processInstanceId).getId(), Map.of("appointmentAt", appointmentAt));
    return task(processInstanceId, "Task_InstallOnSite");
  }

  String orderNo(String processInstanceId) {
    return (String) runtimeService.getVariable(processInstanceId, "orderNo");
  }

  Task task(String processInstanceId, String key) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElseThrow();
  }

  /** A member of the group only (TestUsers: not the demo users, whose passwords another test gets wrong). */
  String staff(String group) {
    String user = users + group.replace("-", "");
    TestUsers.ensure(identityService, user, group);
    return user;
  }

  TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD);
  }

  static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
