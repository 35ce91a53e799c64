package com.serviceloop.intake;

import static com.serviceloop.intake.IntakeRequests.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/**
 * Issue 7 item 5, idempotency: a channel system that retries a POST with the same Idempotency-Key gets the
 * order it already created (200, the same body), never a second one; the same key with another body is 409.
 */
@ServiceLoopTest
class IdempotencyApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  static final String CALLER = "itidem1";
  static final String OTHER_CALLER = "itidem2";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired IdempotencyKeys keys;

  @BeforeEach
  void usersAndClock() {
    TestUsers.ensure(identity, CALLER, "channel-systems");
    TestUsers.ensure(identity, OTHER_CALLER, "channel-systems");
    clockAtNow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {COMPLAINTS, BROADBAND_ORDERS, FAULT_REPORTS})
  void aRetriedPostReturnsTheOrderItAlreadyCreated(String endpoint) {
    String phone = newPhone();
    String key = UUID.randomUUID().toString();
    ResponseEntity<Map<String, Object>> first = post(CALLER, endpoint, key, valid(endpoint, phone));
    ResponseEntity<Map<String, Object>> retry = post(CALLER, endpoint, key, valid(endpoint, phone));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody()).isEqualTo(first.getBody());
    assertThat(retry.getHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    assertThat(first.getHeaders().getLocation()).hasPath(endpoint + "/" + first.getBody().get("orderNo"));
    assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
    assertThat(ordersOf(phone)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflict_andCreatesNothing() {
    String phone = newPhone();
    String key = UUID.randomUUID().toString();
    assertThat(post(CALLER, COMPLAINTS, key, valid(COMPLAINTS, phone)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> changed = valid(COMPLAINTS, phone);
    changed.put("disputedAmount", 31);
    ResponseEntity<Map<String, Object>> conflict = post(CALLER, COMPLAINTS, key, changed);
    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) conflict.getBody().get("message")).contains("Idempotency-Key");
    assertThat(ordersOf(phone)).isEqualTo(1);

    ResponseEntity<Map<String, Object>> elsewhere = post(CALLER, FAULT_REPORTS, key, valid(FAULT_REPORTS, phone));
    assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(ordersOf(phone)).isEqualTo(1);
  }

  @Test
  void theBodysKeyOrderDoesNotMatter_butTheCallerDoes() {
    String phone = newPhone();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = valid(COMPLAINTS, phone);
    assertThat(post(CALLER, COMPLAINTS, key, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    reordered.putAll(body);
    assertThat(post(CALLER, COMPLAINTS, key, reordered).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post(OTHER_CALLER, COMPLAINTS, key, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(ordersOf(phone)).isEqualTo(2);
  }

  @Test
  void aRefusedRequestKeepsNoKey_soTheCorrectedRetryCreatesTheOrder() {
    String phone = newPhone();
    String key = UUID.randomUUID().toString();
    Map<String, Object> bad = valid(COMPLAINTS, phone);
    bad.put("disputedAmount", -1000);
    assertThat(post(CALLER, COMPLAINTS, key, bad).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(CALLER, COMPLAINTS, key, valid(COMPLAINTS, phone)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(ordersOf(phone)).isEqualTo(1);
  }

  @Test
  void aKeyThatIsNotVisibleAsciiIsRefused() {
    String phone = newPhone();
    ResponseEntity<Map<String, Object>> answer = post(CALLER, COMPLAINTS, "x".repeat(129), valid(COMPLAINTS, phone));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").toString()).contains("Idempotency-Key");
    assertThat(ordersOf(phone)).isZero();
  }

  @Test
  void keysExpireAfterTheRetention_andArePurged() {
    String phone = newPhone();
    String key = UUID.randomUUID().toString();
    assertThat(post(CALLER, COMPLAINTS, key, valid(COMPLAINTS, phone)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    jdbc.update("UPDATE sl_idempotency_key SET created_at = ? WHERE caller_id = ? AND idem_key = ?",
        Timestamp.from(Instant.now().minus(Duration.ofDays(30))), CALLER, key);
    ClockUtil.reset();
    assertThat(keys.purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_idempotency_key WHERE idem_key = ?", Integer.class, key))
        .isZero();
  }

  /** Two identical requests at the same moment, repeated: one creates, the other answers the same order. */
  @Test
  void twoConcurrentIdenticalRequestsCreateOneOrder() throws Exception {
    int rounds = 8;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> outcomes = new ArrayList<>();
    try {
      for (int round = 0; round < rounds; round++) {
        String endpoint = ENDPOINTS.get(round % ENDPOINTS.size());
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = valid(endpoint, phone);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return post(CALLER, endpoint, key, body);
          }));
        }
        start.countDown();
        ResponseEntity<Map<String, Object>> a = answers.get(0).get(60, TimeUnit.SECONDS);
        ResponseEntity<Map<String, Object>> b = answers.get(1).get(60, TimeUnit.SECONDS);
        outcomes.add(endpoint + ": " + a.getStatusCode().value() + "/" + b.getStatusCode().value());
        assertThat(List.of(a.getStatusCode().value(), b.getStatusCode().value())).as(outcomes.toString())
            .containsExactlyInAnyOrder(201, 200);
        assertThat(a.getBody().get("orderNo")).isEqualTo(b.getBody().get("orderNo"));
        assertThat(ordersOf(phone)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("Idempotency race: " + rounds + " rounds of 2 concurrent identical POSTs -> " + outcomes
        + "; one order each");
  }

  ResponseEntity<Map<String, Object>> post(String user, String endpoint, String key, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(IdempotencyKeys.HEADER, key);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(endpoint, HttpMethod.POST,
        new HttpEntity<>(body, headers), JSON);
  }

  int ordersOf(String phone) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order WHERE customer_phone = ?", Integer.class, phone);
  }
}
