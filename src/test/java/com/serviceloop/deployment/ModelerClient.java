package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import com.serviceloop.complaint.ComplaintProcess;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the deployment tests share: a deployment exactly as Camunda Modeler sends it (multipart
 * POST /engine-rest/deployment/create with deployment-name, deployment-source=Camunda Modeler,
 * deploy-changed-only=true and the open file, optionally "additional files"), the repository's model files,
 * and a complaint recorded and worked through its Tasklist forms over HTTP.
 */
final class ModelerClient {

  static final String MODELER = "Camunda Modeler";
  static final ObjectMapper JSON = new ObjectMapper();

  static final String PW = com.serviceloop.installation.TestUsers.PASSWORD;
  /** Test users (not the demo users, whose wrong-password test locks them for a moment). */
  static final String OWNER = "itdeployowner";
  static final String INTAKE = "itdeployhotline";
  static final String NETWORK = "itdeploynetassure";

  private final TestRestTemplate rest;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  ModelerClient(TestRestTemplate rest, RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService) {
    this.rest = rest;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    TestUsers.ensure(identityService, OWNER, "process-owners");
    TestUsers.ensure(identityService, INTAKE, "hotline");
    TestUsers.ensure(identityService, NETWORK, "dept-network-assurance");
  }

  JsonNode record(String receivedAt) {
    ResponseEntity<JsonNode> answer = recordComplaint(INTAKE, PW, networkComplaint(receivedAt));
    assertThat(answer.getStatusCode().value()).as("intake: %s", answer.getBody()).isEqualTo(201);
    return answer.getBody();
  }

  String definitionOf(JsonNode complaint) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(complaint.get("processInstanceId").asText()).singleResult().getProcessDefinitionId();
  }

  static JsonNode deployed(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().value()).as("deployment: %s", answer.getBody()).isEqualTo(200);
    return answer.getBody();
  }

  /** First contact (unless done), resolution, reply and return visit, each through its Tasklist form; the complaint is closed. */
  void workThroughForms(JsonNode complaint, String expectedReturnVisitName) {
    String instance = complaint.get("processInstanceId").asText();
    if (runtimeService.createExecutionQuery().processInstanceId(instance)
        .activityId(ComplaintProcess.Task_FirstContact).count() > 0) {
      JsonNode contact = task(NETWORK, PW, instance, ComplaintProcess.Task_FirstContact);
      submit(NETWORK, PW, contact.get("id").asText(), Map.of(
          "contactResult", "REACHED", "contactNote", "已联系客户", "needsOnSiteVisit", false));
    }
    JsonNode resolve = task(NETWORK, PW, instance, ComplaintProcess.Task_ResolveComplaint);
    submit(NETWORK, PW, resolve.get("id").asText(), Map.of(
        "resolution", "已调整基站参数", "rootCause", "NETWORK_FAULT", "responsibleParty", "网络优化中心"));
    JsonNode reply = task(INTAKE, PW, instance, ComplaintProcess.Task_ReplyToCustomer);
    submit(INTAKE, PW, reply.get("id").asText(), Map.of("replyNote", "已答复客户"));
    String returnVisit = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance)
        .singleResult().getId();
    JsonNode call = task(INTAKE, PW, returnVisit, ReturnVisitProcess.Task_CallCustomer);
    assertThat(call.get("name").asText()).isEqualTo(expectedReturnVisitName);
    submit(INTAKE, PW, call.get("id").asText(), Map.of(
        "returnVisitOutcome", "SATISFIED", "returnVisitComment", "客户满意"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndActivityId()).isEqualTo(ComplaintProcess.EndEvent_ComplaintClosed);
  }

  /** A model file of the repository (processes/…, dmn/…, forms/…). */
  static String file(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Modeler's Deploy: the open file (named as Modeler names it: the file name) plus additional files. */
  ResponseEntity<JsonNode> deploy(String user, String password, String deploymentName, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", deploymentName);
    parts.add("deployment-source", MODELER);
    parts.add("deploy-changed-only", "true");
    files.forEach((name, content) -> {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      ByteArrayResource bytes = new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return name;
        }
      };
      parts.add(name, new HttpEntity<>(bytes, partHeaders));
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, password)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> deploy(String user, String password, String fileName, String content) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(fileName, content);
    return deploy(user, password, fileName.replaceFirst("\\.[a-z]+$", ""), files);
  }

  // ------------------------------------------------------------------ complaints over HTTP

  /** A public, standard-tier network-quality complaint by hotline (the service level's fallback row). */
  static ObjectNode networkComplaint(String receivedAt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("customerPhone", "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    body.put("customerName", "赵六");
    body.put("customerSegment", "PUBLIC");
    body.put("customerTier", "STANDARD");
    body.put("region", "浦东");
    body.put("channel", "HOTLINE");
    body.put("category", "NETWORK_QUALITY");
    body.put("description", "家中信号弱");
    body.put("location", "浦东新区张江路 200 弄");
    body.put("receivedAt", receivedAt);
    return body;
  }

  ResponseEntity<JsonNode> recordComplaint(String user, String password, ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password)
        .postForEntity("/api/complaints", new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  /** The one open task of the process instance at the activity, as the user sees it in Tasklist. */
  JsonNode task(String user, String password, String processInstanceId, String activityId) {
    JsonNode tasks = rest.withBasicAuth(user, password).getForEntity("/engine-rest/task?processInstanceId="
        + processInstanceId + "&taskDefinitionKey=" + activityId, JsonNode.class).getBody();
    assertThat(tasks).as("%s's tasks at %s", user, activityId).hasSize(1);
    return tasks.get(0);
  }

  /** The Camunda Form Tasklist shows for the task (404 when there is none). */
  ResponseEntity<JsonNode> deployedForm(String user, String password, String taskId) {
    return rest.withBasicAuth(user, password)
        .getForEntity("/engine-rest/task/" + taskId + "/deployed-form", JsonNode.class);
  }

  /** The keys of the form's fields a user fills in (not the read-only context fields). */
  static List<String> inputKeys(JsonNode form) {
    List<String> keys = new ArrayList<>();
    collect(form.path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if (component.has("key") && !component.path("readonly").asBoolean() && !component.path("disabled").asBoolean()) {
        keys.add(component.get("key").asText());
      }
      collect(component.path("components"), keys);
    }
  }

  /**
   * Tasklist's "Complete": the task's form is shown (200), the values go to submit-form; every value is a
   * field of that form.
   */
  void submit(String user, String password, String taskId, Map<String, Object> values) {
    ResponseEntity<JsonNode> form = deployedForm(user, password, taskId);
    assertThat(form.getStatusCode().value()).as("form of task %s", taskId).isEqualTo(200);
    assertThat(inputKeys(form.getBody())).containsAll(values.keySet());
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((key, value) -> {
      ObjectNode variable = variables.putObject(key);
      if (value instanceof Boolean b) {
        variable.put("value", b).put("type", "Boolean");
      } else if (value instanceof Number n) {
        variable.put("value", n.doubleValue()).put("type", "Double");
      } else {
        variable.put("value", String.valueOf(value)).put("type", "String");
      }
    });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = rest.withBasicAuth(user, password).postForEntity(
        "/engine-rest/task/" + taskId + "/submit-form", new HttpEntity<>(body.toString(), headers), String.class);
    assertThat(answer.getStatusCode().value()).as("submit %s: %s", taskId, answer.getBody()).isIn(200, 204);
  }
}
