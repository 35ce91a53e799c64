package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
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

/** The work order and complaint lookups over HTTP show each clock's warnings: when due, the level reached and when. */
@ServiceLoopTest
class ComplaintSlaWarningHttpTest extends ComplaintProcessTestSupport {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @Test
  void theLookupShowsTheWarningLevelReachedAndWhen() {
    TestUsers.ensure(identity, "swhotline", "hotline");
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-23T09:00+08:00");
    fire(complaint, ComplaintProcess.Timer_FirstContactWarning1);

    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("swhotline", TestUsers.PASSWORD)
        .exchange("/api/work-orders/" + orderNo, HttpMethod.GET, null, JSON);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("firstContactWarn1At", "2026-11-23T09:00+08:00")
        .containsEntry("firstContactWarn2At", "2026-11-23T09:30+08:00")
        .containsEntry("firstContactWarnedLevel", 1)
        .containsEntry("firstContactWarnedAt", "2026-11-23T09:00+08:00")
        .containsEntry("closureWarn1At", "2026-11-24T05:00+08:00")
        .containsEntry("closureWarn2At", "2026-11-25T23:00+08:00")
        .doesNotContainKey("closureWarnedLevel");

    // and the complaint's own lookup
    ResponseEntity<Map<String, Object>> complaintLookup = rest.withBasicAuth("swhotline", TestUsers.PASSWORD)
        .exchange("/api/complaints/" + orderNo, HttpMethod.GET, null, JSON);
    assertThat(complaintLookup.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(complaintLookup.getBody()).containsEntry("firstContactWarnedLevel", 1)
        .containsEntry("firstContactWarnedAt", "2026-11-23T09:00+08:00")
        .containsEntry("closureWarn2At", "2026-11-25T23:00+08:00")
        .doesNotContainKey("closureWarnedAt");
  }
}
