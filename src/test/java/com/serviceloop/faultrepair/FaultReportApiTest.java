package com.serviceloop.faultrepair;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/fault-reports over HTTP. */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class FaultReportApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void anUrbanFaultIsRegisteredWithItsDeadlines() {
    ResponseEntity<Map<String, Object>> response = post(report("13922220001"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat((String) response.getBody().get("orderNo")).startsWith("FLT-");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/fault-reports/" + response.getBody().get("orderNo"));
    assertThat(response.getBody()).containsEntry("status", "RECEIVED").containsEntry("priority", 50)
        .containsEntry("contactGroup", "network");
    assertThat(response.getBody().get("deadlines")).isEqualTo(Map.of(
        "firstContact", "2026-11-23T10:00+08:00", "repair", "2026-11-22T17:00+08:00"));
  }

  @Test
  void aGroupCustomersFaultGoesToTheKeyAccountManagersFirst() {
    Map<String, Object> json = report("13922220002");
    json.put("customerSegment", "GROUP");
    json.put("channel", "KEY_ACCOUNT");
    json.put("area", "RURAL");
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getBody()).containsEntry("priority", 90).containsEntry("contactGroup", "key-account-managers");
    assertThat(response.getBody().get("deadlines")).isEqualTo(Map.of(
        "firstContact", "2026-11-23T10:00+08:00", "repair", "2026-11-23T17:00+08:00"));
  }

  @Test
  void aChannelSystemMayReportFaults() {
    com.serviceloop.installation.TestUsers.ensure(identity, "itchannel", "channel-systems");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("itchannel",
        com.serviceloop.installation.TestUsers.PASSWORD).exchange("/api/fault-reports", HttpMethod.POST,
        new HttpEntity<>(report("13922220003"), headers), JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aCallerWhoMayNotStartFaultRepairIs403BeforeTheInputIsLookedAt() {
    com.serviceloop.installation.TestUsers.ensure(identity, "itauditor", "auditors");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("itauditor",
        com.serviceloop.installation.TestUsers.PASSWORD).exchange("/api/fault-reports", HttpMethod.POST,
        new HttpEntity<>(Map.of("customerPhone", "555"), headers), JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) response.getBody().get("message")).contains("itauditor", "report faults");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "customerPhone, 555",
      "customerName, ''",
      "region, ''",
      "area, SUBURBAN",
      "service, MOBILE",
      "channel, PIGEON",
      "description, ''",
      "receivedAt, last friday",
      "customerSegment, VIP",
  })
  void aBadFieldIsAnswered400NamingIt_andNothingIsWritten(String field, String value) {
    Map<String, Object> json = report("13922229999");
    json.put(field, value);
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("field")).containsExactly(field);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order WHERE customer_phone IN ('13922229999', '555')",
        Integer.class)).isZero();
  }

  Map<String, Object> report(String phone) {
    Map<String, Object> json = new HashMap<>();
    json.put("customerPhone", phone);
    json.put("customerName", "Han Meimei");
    json.put("region", "Hangzhou-Xihu");
    json.put("area", "URBAN");
    json.put("service", "BROADBAND");
    json.put("channel", "HOTLINE");
    json.put("description", "no internet");
    json.put("receivedAt", "2026-11-20T17:00+08:00");
    return json;
  }

  ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("demo", "demo").exchange("/api/fault-reports", HttpMethod.POST,
        new HttpEntity<>(body, headers), JSON);
  }
}
