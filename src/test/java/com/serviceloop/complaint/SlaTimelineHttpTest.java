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
  void aDocumentsRequestShowsTheClosureClockPausedDuringTheWait_andThePauseWithItsRealEndAfter() {
    TestUsers.ensure(identity, "slahotline", "hotline");
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    firstContact(complaint);
    clockAt("2026-11-23T10:00+08:00");
    complete(complaint, ComplaintProcess.Task_ResolveComplaint, Map.of("documentsRequested", true,
        "documentsRequestedNote", "身份证复印件"));

    // Tuesday: waiting for the documents, the closure clock is paused up to the latest end, 14 days on
    clockAt("2026-11-24T12:00+08:00");
    Map<String, Object> closure = clock(orderNo, "CLOSURE");
    assertThat(closure).containsEntry("state", "PAUSED").containsEntry("target", "2026-12-11T17:00+08:00");
    assertThat(closure.get("pauses")).isEqualTo(List.of(Map.of("reason", "DOCUMENTS_REQUESTED",
        "from", "2026-11-23T10:00+08:00", "until", "2026-12-07T10:00+08:00", "openEnded", true,
        "latestUntil", "2026-12-07T10:00+08:00", "timeMode", "NATURAL", "pausedFor", "PT336H",
        "targetBefore", "2026-11-27T17:00+08:00", "targetAfter", "2026-12-11T17:00+08:00", "moved", true)));

    // Wednesday 10:00 they arrive: running again, the pause ends there and lasted 48 hours
    clockAt("2026-11-25T10:30+08:00");
    complete(complaint, ComplaintProcess.Task_RecordDocumentsReceived, Map.of(
        "documentsReceivedAt", "2026-11-25T10:00+08:00", "documentsReceivedNote", "收到"));
    closure = clock(orderNo, "CLOSURE");
    assertThat(closure).containsEntry("state", "RUNNING").containsEntry("target", "2026-11-29T17:00+08:00");
    assertThat(closure.get("pauses")).isEqualTo(List.of(Map.of("reason", "DOCUMENTS_REQUESTED",
        "from", "2026-11-23T10:00+08:00", "until", "2026-11-25T10:00+08:00", "openEnded", true,
        "latestUntil", "2026-12-07T10:00+08:00", "timeMode", "NATURAL", "pausedFor", "PT48H",
        "targetBefore", "2026-11-27T17:00+08:00", "targetAfter", "2026-11-29T17:00+08:00", "moved", true)));
    assertThat(clock(orderNo, "FIRST_CONTACT")).containsEntry("state", "MET").doesNotContainKey("pauses");
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
