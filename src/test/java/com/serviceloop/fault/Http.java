package com.serviceloop.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Plain HTTP to a node, as a channel system calls it; a connection failure is status -1, never thrown. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
      .version(HttpClient.Version.HTTP_1_1).build();

  record Answer(int status, String body, long millis, String retryAfter) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return JSON.readValue(body, Map.class);
      } catch (Exception e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  private Http() {}

  static Answer get(Node node, String path, String user, String password, Duration timeout) {
    return send(HttpRequest.newBuilder(URI.create(node.url(path))).GET(), user, password, timeout);
  }

  static Answer postJson(Node node, String path, String user, String password, Object body, Duration timeout) {
    return postJson(node, path, user, password, body, null, timeout);
  }

  /** With an Idempotency-Key header (none when {@code idempotencyKey} is null), as a channel system that retries. */
  static Answer postJson(Node node, String path, String user, String password, Object body, String idempotencyKey,
      Duration timeout) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      return send(request, user, password, timeout);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Answer post(Node node, String path, String user, String password, String contentType, String body,
      Duration timeout) {
    return send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user, password, timeout);
  }

  static Answer put(Node node, String path, String user, String password, Object body, Duration timeout) {
    try {
      return send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user, password, timeout);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Answer send(HttpRequest.Builder request, String user, String password, Duration timeout) {
    request.timeout(timeout);
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000,
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (java.io.IOException e) {
      return new Answer(-1, e.toString(), (System.nanoTime() - start) / 1_000_000, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, e.toString(), (System.nanoTime() - start) / 1_000_000, null);
    }
  }
}
