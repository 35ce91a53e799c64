package com.serviceloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * issue 10: no health, readiness or metrics endpoint (/actuator/* 404). The management port of the shared
 * test context (random, @LocalManagementPort): probes open, everything else for the operations group only,
 * and the SLA gauges moving with real work orders and the engine clock.
 */
@ServiceLoopTest
class OperationsIntegrationTest {

  static final String COMPLAINT = """
      {"customerPhone":"13900139000","customerName":"运维测试","customerSegment":"PUBLIC","customerTier":"GOLD",
       "region":"浦东","channel":"HOTLINE","category":"BILLING","description":"话费多扣",
       "billingMonth":"2026-10","disputedAmount":12.5}""";

  @LocalManagementPort int managementPort;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  String url(String path) {
    return "http://127.0.0.1:" + managementPort + "/actuator" + path;
  }

  ResponseEntity<String> get(String path, String user) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.getForEntity(url(path), String.class);
  }

  @Test
  void theProbesAreOpenAndSayOnlyUpOrDown() {
    for (String probe : new String[] {"/health/liveness", "/health/readiness"}) {
      ResponseEntity<JsonNode> answer = rest.getForEntity(url(probe), JsonNode.class);
      assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody().get("status").asText()).isEqualTo("UP");
      assertThat(answer.getBody().has("components")).isFalse();
      assertThat(answer.getBody().has("details")).isFalse();
    }
  }

  @Test
  void everythingElseNeedsTheOperationsGroup() {
    for (String path : new String[] {"/health", "/prometheus", "/metrics", "/info", ""}) {
      assertThat(get(path, null).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(get(path, "hotline1").getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    ResponseEntity<JsonNode> health = rest.withBasicAuth("ops1", "demo").getForEntity(url("/health"), JsonNode.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().get("components").has("db")).isTrue();
    assertThat(health.getBody().get("components").has("processEngine")).isTrue();
    assertThat(health.getBody().get("components").get("db").get("status").asText()).isEqualTo("UP");
    assertThat(get("/prometheus", "demo").getStatusCode()).isEqualTo(HttpStatus.OK); // camunda-admin too
    // the application port does not serve the actuator
    assertThat(rest.withBasicAuth("ops1", "demo").getForEntity("/actuator/health", String.class).getStatusCode())
        .isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theSlaGaugesFollowTheWorkOrdersAndTheClock() {
    String before = scrape();
    double onTime = value(before, "serviceloop_orders_open", "clock=\"ON_TIME\",type=\"COMPLAINT\"");
    double breached = value(before, "serviceloop_orders_open", "clock=\"BREACHED\",type=\"COMPLAINT\"");

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> created = rest.withBasicAuth("hotline1", "demo")
        .postForEntity("/api/complaints", new HttpEntity<>(COMPLAINT, json), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String orderNo = created.getBody().get("orderNo").asText();
    String group = jdbc.queryForObject("SELECT responsible_group FROM sl_work_order WHERE order_no = ?",
        String.class, orderNo);

    String after = scrape();
    double nowOpen = value(after, "serviceloop_orders_open", "clock=\"ON_TIME\",type=\"COMPLAINT\"")
        + value(after, "serviceloop_orders_open", "clock=\"WARNING\",type=\"COMPLAINT\"");
    assertThat(nowOpen).isGreaterThanOrEqualTo(onTime + 1);

    // ten days later its first-contact deadline has long passed: BREACHED, and the oldest open order of its
    // group is at least ten days old; its timers are due (the job backlog)
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(10).toMillis()));
    jdbc.update("INSERT INTO sl_breach (work_order_id, reason, deadline, detected_at) "
            + "SELECT id, 'OPS_TEST', first_contact_due, ? FROM sl_work_order WHERE order_no = ?",
        ClockUtil.getCurrentTime().toInstant().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC), orderNo);
    String later = scrape();
    assertThat(value(later, "serviceloop_orders_open", "clock=\"BREACHED\",type=\"COMPLAINT\""))
        .isGreaterThanOrEqualTo(breached + 1);
    assertThat(value(later, "serviceloop_orders_oldest_open_age_seconds", "group=\"" + group + "\""))
        .isGreaterThanOrEqualTo(Duration.ofDays(10).toSeconds() - 60);
    assertThat(value(later, "serviceloop_breaches_last_hour", "type=\"COMPLAINT\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(later, "serviceloop_jobs_executable", "")).isGreaterThanOrEqualTo(1);
    assertThat(later).contains("serviceloop_incidents_open{", "serviceloop_jobs_failed{",
        "serviceloop_warnings_last_hour{", "serviceloop_login_failures_total{", "hikaricp_connections_active{",
        "http_server_requests_seconds_count{");

    jdbc.update("DELETE FROM sl_breach WHERE reason = 'OPS_TEST'");
  }

  String scrape() {
    ResponseEntity<String> answer = get("/prometheus", "ops1");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** The value of a Prometheus sample whose labels contain the given ones (in the exposition's order). */
  static double value(String exposition, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
    while (m.find()) {
      if (m.group(1).contains(labels)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no sample " + name + "{" + labels + "} in the scrape");
  }
}
