package com.serviceloop.fault;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the harness does through a node's engine REST API, as the administrator. */
final class Engine {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Engine() {}

  static Http.Answer ok(Http.Answer answer, String what) {
    if (answer.status() < 200 || answer.status() >= 300) {
      throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
    }
    return answer;
  }

  static void createUser(Node node, String id, String password, String... groups) {
    ok(Http.postJson(node, "/engine-rest/user/create", Node.ADMIN, Node.ADMIN_PASSWORD, Map.of(
        // Names that the password does not contain (Camunda's password policy refuses a password with the user's data).
        "profile", Map.of("id", id, "firstName", "Harness", "lastName", "Client", "email", id + "@example.com"),
        "credentials", Map.of("password", password)), TIMEOUT), "create user " + id);
    for (String group : groups) {
      ok(Http.put(node, "/engine-rest/group/" + group + "/members/" + id, Node.ADMIN, Node.ADMIN_PASSWORD,
          Map.of(), TIMEOUT), "add " + id + " to " + group);
    }
  }

  /** Deploys a test-only model from src/test/resources (multipart, as Modeler does). */
  static void deploy(Node node, Path model) throws Exception {
    String boundary = "----serviceloop-fault-" + System.nanoTime();
    String file = Files.readString(model);
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfault-harness\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + model.getFileName()
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
    ok(Http.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        Node.ADMIN, Node.ADMIN_PASSWORD, TIMEOUT), "deploy " + model);
  }

  /** A deadline due at once (or, under a suspended job definition, as soon as it is activated). */
  static Http.Answer startTimer(Node node, String businessKey) {
    return Http.postJson(node, "/engine-rest/process-definition/key/fault-timer/start", Node.ADMIN,
        Node.ADMIN_PASSWORD, Map.of("businessKey", businessKey), TIMEOUT);
  }

  @SuppressWarnings("unchecked")
  static String timerJobDefinition(Node node) throws Exception {
    Http.Answer answer = ok(Http.get(node, "/engine-rest/job-definition?processDefinitionKey=fault-timer",
        Node.ADMIN, Node.ADMIN_PASSWORD, TIMEOUT), "job definitions");
    List<Map<String, Object>> definitions = Http.JSON.readValue(answer.body(), List.class);
    return (String) definitions.get(0).get("id");
  }

  /** Suspends or activates the timer job definition and, on activation, all its jobs at once. */
  static void setTimersSuspended(Node node, String jobDefinitionId, boolean suspended) {
    ok(Http.put(node, "/engine-rest/job-definition/" + jobDefinitionId + "/suspended", Node.ADMIN,
        Node.ADMIN_PASSWORD, Map.of("suspended", suspended, "includeJobs", true), TIMEOUT),
        (suspended ? "suspend" : "activate") + " timer jobs");
  }
}
