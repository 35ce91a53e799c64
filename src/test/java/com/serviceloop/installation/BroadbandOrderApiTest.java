package com.serviceloop.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

/** POST /api/broadband-orders over HTTP: 201 with order number, status, coverage and deadlines; 400 per field. */
@ServiceLoopTest
@EngineClockAt("2026-11-18T15:35+08:00")
class BroadbandOrderApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Test
  void a400OrderForACoveredBuildingIsAccepted_withItsDeadlines() {
    ResponseEntity<Map<String, Object>> response = post(order("13811110001"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = response.getBody();
    assertThat((String) body.get("orderNo")).startsWith("INS-");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/broadband-orders/" + body.get("orderNo"));
    assertThat(body).containsEntry("status", "ACCEPTED").containsEntry("coverageResult", "AVAILABLE");
    assertThat(body.get("deadlines")).isEqualTo(Map.of(
        "extraction", "2026-11-18T17:30+08:00",
        "appointment", "2026-11-19T15:30+08:00",
        "installation", "2026-11-21T15:30+08:00"));
  }

  @Test
  void aBusinessHallOrderCarriesItsPayment_andIsAuditedInsteadOfExtracted() {
    Map<String, Object> json = order("13811110002");
    json.put("channel", "BUSINESS_HALL");
    json.put("businessHall", "Wulin Hall");
    json.put("hallRegion", "Hangzhou-Gongshu");
    json.put("payment", Map.of("method", "POS", "amount", 300, "invoiceNo", "INV-9", "customerSigned", true));
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody().get("deadlines")).isEqualTo(Map.of(
        "audit", "2026-11-18T17:30+08:00",
        "appointment", "2026-11-19T15:30+08:00",
        "installation", "2026-11-21T15:30+08:00"));
    assertThat(jdbc.queryForObject("SELECT volume_coefficient FROM sl_work_order WHERE order_no = ?",
        java.math.BigDecimal.class, response.getBody().get("orderNo"))).isEqualByComparingTo("2");
  }

  @Test
  void anUncoveredAddressIsAnsweredNotCovered_andTheOrderIsClosed() {
    Map<String, Object> json = order("13811110003");
    json.put("address", Map.of("compound", "Nowhere Estate", "building", "1"));
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("status", "NOT_COVERED").containsEntry("coverageResult", "NOT_COVERED");
    assertThat(response.getBody().get("deadlines")).isEqualTo(Map.of());
  }

  @Test
  void aFullBuildingIsAnsweredNoFreePort() {
    Map<String, Object> json = order("13811110004");
    json.put("address", Map.of("compound", "Wenyuan Garden", "building", "2"));
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getBody()).containsEntry("status", "NO_FREE_PORT").containsEntry("coverageResult", "NO_FREE_PORT");
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("channel", j -> j.remove("channel")),
        bad("channel", j -> j.put("channel", "FAX")),
        bad("customerPhone", j -> j.put("customerPhone", "12345")),
        bad("customerName", j -> j.put("customerName", " ")),
        bad("region", j -> j.remove("region")),
        bad("address", j -> j.remove("address")),
        bad("address", j -> j.put("address", "Wenyuan Garden 1")),
        bad("address.compound", j -> j.put("address", Map.of("building", "1"))),
        bad("address.building", j -> j.put("address", Map.of("compound", "Wenyuan Garden"))),
        bad("package", j -> j.remove("package")),
        bad("constructionMode", j -> j.put("constructionMode", "TIETONG")),
        bad("acceptedAt", j -> j.put("acceptedAt", "yesterday")),
        bad("payment.method", j -> j.put("payment", Map.of("method", "POS", "amount", 1))),
        bad("businessHall", j -> {
          j.put("channel", "BUSINESS_HALL");
          j.put("hallRegion", "Hangzhou-Gongshu");
          j.put("payment", Map.of("method", "POS", "amount", 300, "invoiceNo", "INV-9", "customerSigned", true));
        }),
        bad("payment.amount", j -> {
          j.put("channel", "BUSINESS_HALL");
          j.put("businessHall", "Wulin Hall");
          j.put("hallRegion", "Hangzhou-Gongshu");
          j.put("payment", Map.of("method", "POS", "amount", "lots", "invoiceNo", "INV-9", "customerSigned", true));
        }),
        bad("payment.customerSigned", j -> {
          j.put("channel", "BUSINESS_HALL");
          j.put("businessHall", "Wulin Hall");
          j.put("hallRegion", "Hangzhou-Gongshu");
          j.put("payment", Map.of("method", "CASH", "amount", 300, "invoiceNo", "INV-9", "customerSigned", false));
        }));
  }

  static Arguments bad(String field, Consumer<Map<String, Object>> change) {
    return Arguments.of(field, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFields")
  void aBadFieldIsAnswered400NamingIt_andNothingIsWritten(String field, Consumer<Map<String, Object>> change) {
    String phone = "1381111" + String.format("%04d", Math.abs(field.hashCode() % 10000));
    Map<String, Object> json = order(phone);
    change.accept(json);
    if ("customerPhone".equals(field)) {
      phone = "12345";
    }
    ResponseEntity<Map<String, Object>> response = post(json);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsKey("message");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
    assertThat(errors).extracting(e -> e.get("field")).contains(field);
    assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order WHERE customer_phone = ?", Integer.class, phone))
        .isZero();
  }

  @Test
  void aChannelSystemMayPlaceOrders_itsAuthorizationsSuffice() {
    TestUsers.ensure(identity, "itchannel", "channel-systems");
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("itchannel", TestUsers.PASSWORD)
        .exchange("/api/broadband-orders", HttpMethod.POST, json(order("13811110010")), JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("status", "ACCEPTED");
  }

  @Test
  void withoutCredentialsTheApiAnswers401() {
    ResponseEntity<String> response = rest.postForEntity("/api/broadband-orders", json(order("13811110009")), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  Map<String, Object> order(String phone) {
    Map<String, Object> json = new HashMap<>();
    json.put("channel", "HOTLINE_400");
    json.put("customerPhone", phone);
    json.put("customerName", "Li Lei");
    json.put("region", "Hangzhou-Xihu");
    json.put("address", Map.of("compound", "Wenyuan Garden", "building", "1", "room", "301"));
    json.put("package", "100M");
    json.put("constructionMode", "SELF_BUILT");
    json.put("acceptedAt", "2026-11-18T15:30+08:00");
    return json;
  }

  ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
    return rest.withBasicAuth("demo", "demo").exchange("/api/broadband-orders", HttpMethod.POST, json(body), JSON);
  }

  static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
