package com.serviceloop.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.installation.TestUsers;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine REST API as Tasklist and a hand-made client call it, over real HTTP, as a user of a given
 * group (a test user per group, created on first use). Values are sent untyped, as Tasklist sends them
 * ({"k": {"value": v}}), unless a value is already a {"value":…,"type":…} map.
 */
public final class EngineRestClient {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final IdentityService identity;

  public EngineRestClient(TestRestTemplate rest, IdentityService identity) {
    this.rest = rest;
    this.identity = identity;
  }

  /** The test user of a group: "guard" + the group id without hyphens. */
  public String userOf(String group) {
    String user = "guard" + group.replace("-", "");
    TestUsers.ensure(identity, user, group);
    return user;
  }

  public ResponseEntity<JsonNode> submitTaskForm(String group, String taskId, Map<String, ?> values) {
    return post(group, "/engine-rest/task/" + taskId + "/submit-form", body(values));
  }

  public ResponseEntity<JsonNode> completeTask(String group, String taskId, Map<String, ?> values) {
    return post(group, "/engine-rest/task/" + taskId + "/complete", body(values));
  }

  public ResponseEntity<JsonNode> submitStartForm(String group, String processKey, Map<String, ?> values) {
    return post(group, "/engine-rest/process-definition/key/" + processKey + "/submit-form", body(values));
  }

  public ResponseEntity<JsonNode> post(String group, String path, Object body) {
    return exchange(group, HttpMethod.POST, path, body);
  }

  public ResponseEntity<JsonNode> exchange(String group, HttpMethod method, String path, Object body) {
    String user = group.equals("demo") ? "demo" : userOf(group);
    String password = group.equals("demo") ? "demo" : TestUsers.PASSWORD;
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(text, headers), JsonNode.class);
  }

  /** {"variables": {k: {"value": v}}} — a map value that has "value" is sent as it is (typed). */
  public static ObjectNode body(Map<String, ?> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((key, value) -> {
      if (value instanceof Map<?, ?> typed && typed.containsKey("value")) {
        variables.set(key, JSON.valueToTree(typed));
      } else {
        variables.putObject(key).set("value", JSON.valueToTree(value));
      }
    });
    return body;
  }
}
