package com.serviceloop.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The web apps' own engine API — what Tasklist itself calls when a form is completed
 * (/camunda/api/engine/engine/default/task/{id}/submit-form, read from Tasklist 7.24's JavaScript: the
 * engine API base is "/camunda/api/engine", the task resource "engine/{engine}/task") — is guarded the same
 * way, behind the web apps' session login: a bad form is a 400 whose message Tasklist shows, a good one is
 * completed; an auditor logged in to Cockpit cannot execute a job.
 */
@ServiceLoopTest
class SubmissionGuardWebappTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A logged-in web-app session: its cookies and the CSRF token the web apps require on writes. */
  record Session(String cookies, String csrfToken) {}

  Session login(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    String csrf = cookie(page.getHeaders(), "XSRF-TOKEN");
    String cookies = cookies(page.getHeaders());
    assertThat(csrf).as("the web apps set a CSRF token: %s", page.getHeaders()).isNotNull();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", csrf);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", TestUsers.PASSWORD);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as("login: %s", login.getBody()).isEqualTo(HttpStatus.OK);
    Map<String, String> jar = new java.util.LinkedHashMap<>();
    merge(jar, page.getHeaders());
    merge(jar, login.getHeaders());
    // the login starts a new session; its CSRF token comes with the next request of that session
    HttpHeaders next = new HttpHeaders();
    next.add(HttpHeaders.COOKIE, header(jar));
    ResponseEntity<String> me = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(next), String.class);
    assertThat(me.getStatusCode()).as("session: %s", me.getBody()).isEqualTo(HttpStatus.OK);
    merge(jar, me.getHeaders());
    return new Session(header(jar), jar.getOrDefault("XSRF-TOKEN", csrf));
  }

  static void merge(Map<String, String> jar, HttpHeaders headers) {
    for (String set : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      jar.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
  }

  static String header(Map<String, String> jar) {
    List<String> pairs = new ArrayList<>();
    jar.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join("; ", pairs);
  }

  ResponseEntity<JsonNode> post(Session session, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add(HttpHeaders.COOKIE, session.cookies());
    headers.add("X-XSRF-TOKEN", session.csrfToken());
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  static String cookie(HttpHeaders headers, String name) {
    for (String set : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      if (set.startsWith(name + "=")) {
        return set.substring(name.length() + 1, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
      }
    }
    return null;
  }

  static String cookies(HttpHeaders headers) {
    List<String> pairs = new ArrayList<>();
    for (String set : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      pairs.add(set.split(";", 2)[0]);
    }
    return String.join("; ", pairs);
  }

  @Test
  void tasklistsOwnSubmitFormIsCheckedAgainstTheDeployedForm() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-20T17:05+08:00").toInstant()));
    Map<String, Object> intake = new HashMap<>(Map.of("customerPhone", "13912345678", "customerName", "王芳",
        "customerSegment", "PUBLIC", "customerTier", "STANDARD", "region", "浦东", "channel", "HOTLINE",
        "category", "NETWORK_QUALITY", "description", "信号差", "location", "张江路", "receivedAt",
        "2026-11-20T17:00+08:00"));
    ProcessInstance complaint = runtimeService.startProcessInstanceByKey("complaint-handling", intake);
    Task task = taskService.createTaskQuery().processInstanceId(complaint.getId())
        .taskDefinitionKey("Task_FirstContact").singleResult();
    String group = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    String user = "guardweb" + group.replace("-", "");
    TestUsers.ensure(identityService, user, group);
    Session tasklist = login(user, "tasklist");
    String path = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";

    // what Tasklist would send if the form were bypassed: a foreign variable, no required answers
    ResponseEntity<JsonNode> refused = post(tasklist, path,
        EngineRestClient.body(Map.of("rounds", 3, "contactNote", "")));
    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    String notice = refused.getBody().path("message").asText();
    assertThat(notice).contains("rounds", "contactResult", "contactNote");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(complaint.getId(), "rounds")).isNotEqualTo(3);

    // what Tasklist sends for the filled-in form: untyped values, disabled fields left out
    ResponseEntity<JsonNode> accepted = post(tasklist, path, EngineRestClient.body(Map.of(
        "contactResult", "REACHED", "contactNote", "已联系", "needsOnSiteVisit", false)));
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();

    // an auditor in Cockpit: executing the closure timer is refused and costs it nothing
    String auditor = "guardwebauditor";
    TestUsers.ensure(identityService, auditor, "auditors");
    Session cockpit = login(auditor, "cockpit");
    Job timer = managementService.createJobQuery().processInstanceId(complaint.getId())
        .activityId("Timer_ClosureDue").singleResult();
    for (int i = 0; i < 3; i++) {
      assertThat(post(cockpit, "/camunda/api/engine/engine/default/job/" + timer.getId() + "/execute", "{}")
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
        .isEqualTo(timer.getRetries());
    runtimeService.deleteProcessInstance(complaint.getId(), "test over");
  }
}
