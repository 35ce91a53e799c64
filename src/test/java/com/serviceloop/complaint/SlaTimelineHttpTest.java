package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/work-orders/{orderNo}/sla over HTTP: a complaint received Friday 17:00 (first contact PT2H working,
 * due Monday 10:00) as its clocks run, warn, breach and stop, the engine clock moved.
 */
@ServiceLoopTest
class SlaTimelineHttpTest extends ComplaintProcessTestSupport {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @Test
  void eachClockShowsItsTargetStateTimeAndWarnings_asItRunsWarnsBreachesAndStops() {
    TestUsers.ensure(identity, "slahotline", "hotline");
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);

    // Friday 17:05: both clocks running
    Map<String, Object> firstContact = clock(orderNo, "FIRST_CONTACT");
    assertThat(firstContact).containsEntry("state", "RUNNING").containsEntry("startedAt", "2026-11-20T17:00+08:00")
        .containsEntry("target", "2026-11-23T10:00+08:00").doesNotContainKey("stoppedAt")
        .containsEntry("elapsed", Map.of("natural", "PT5M", "working", "PT5M"))
        // to Monday 10:00: 64 h 55 min natural, 55 min on Friday + 1 h on Monday working
        .containsEntry("remaining", Map.of("natural", "PT64H55M", "working", "PT1H55M"))
        .containsEntry("warnings", List.of(
            Map.of("level", 1, "due", "2026-11-23T09:00+08:00", "fired", false),
            Map.of("level", 2, "due", "2026-11-23T09:30+08:00", "fired", false)))
        .doesNotContainKey("breach");
    assertThat(clock(orderNo, "CLOSURE")).containsEntry("state", "RUNNING")
        .containsEntry("target", "2026-11-27T17:00+08:00");

    // Monday 09:00: the first warning fires
    clockAt("2026-11-23T09:00+08:00");
    fire(complaint, ComplaintProcess.Timer_FirstContactWarning1);
    assertThat(clock(orderNo, "FIRST_CONTACT").get("warnings")).isEqualTo(List.of(
        Map.of("level", 1, "due", "2026-11-23T09:00+08:00", "fired", true),
        Map.of("level", 2, "due", "2026-11-23T09:30+08:00", "fired", false)));

    // Monday 10:30: overdue and breached, no time remaining
    clockAt("2026-11-23T10:30+08:00");
    fire(complaint, ComplaintProcess.Timer_FirstContactDue);
    firstContact = clock(orderNo, "FIRST_CONTACT");
    assertThat(firstContact).containsEntry("state", "BREACHED").doesNotContainKey("remaining")
        .containsEntry("breach", Map.of("deadline", "2026-11-23T10:00+08:00", "detectedAt", "2026-11-23T10:30+08:00"));

    // Monday 10:40: the late first contact stops the clock, which stays breached
    clockAt("2026-11-23T10:40+08:00");
    firstContact(complaint);
    firstContact = clock(orderNo, "FIRST_CONTACT");
    assertThat(firstContact).containsEntry("state", "BREACHED").containsEntry("stoppedAt", "2026-11-23T10:40+08:00")
        // Friday 17:00–18:00 and Monday 09:00–10:40
        .containsEntry("elapsed", Map.of("natural", "PT65H40M", "working", "PT2H40M"));
    assertThat(clock(orderNo, "CLOSURE")).containsEntry("state", "RUNNING");
  }

  @Test
  void anUnknownOrderIs404_andAnAnonymousCaller401() {
    TestUsers.ensure(identity, "slahotline", "hotline");
    assertThat(rest.withBasicAuth("slahotline", TestUsers.PASSWORD)
        .exchange("/api/work-orders/CMP-999999/sla", HttpMethod.GET, null, JSON).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.exchange("/api/work-orders/CMP-999999/sla", HttpMethod.GET, null, JSON).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> clock(String orderNo, String clock) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("slahotline", TestUsers.PASSWORD)
        .exchange("/api/work-orders/" + orderNo + "/sla", HttpMethod.GET, null, JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody().get("clocks")).stream()
        .filter(c -> clock.equals(c.get("clock"))).findFirst().orElseThrow();
  }
}
