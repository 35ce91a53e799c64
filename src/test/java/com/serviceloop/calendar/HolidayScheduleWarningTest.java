package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * From 1 November (engine clock, Asia/Shanghai) a missing schedule for next year is a warning on the KPI
 * dashboard and in the health output — never DOWN, and readiness stays UP; on 31 October there is none.
 */
@ServiceLoopTest
class HolidayScheduleWarningTest {

  @LocalManagementPort int managementPort;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired CalendarYearRepository years;
  @Autowired CalendarProperties properties;

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, "calwarnauditor", "auditors");
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  static void clockAt(String iso) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
  }

  JsonNode health() {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("ops1", "demo")
        .getForEntity("http://127.0.0.1:" + managementPort + "/actuator/health", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody().get("components").get("holidaySchedule");
  }

  String readiness() {
    return rest.getForEntity("http://127.0.0.1:" + managementPort + "/actuator/health/readiness", JsonNode.class)
        .getBody().get("status").asText();
  }

  JsonNode dashboard() {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("calwarnauditor", TestUsers.PASSWORD)
        .getForEntity("/api/dashboard/at-risk?region=no-such-region", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @Test
  void on1November_nextYearsMissingScheduleIsAWarning_onTheDashboardAndInHealth_notDown() {
    clockAt("2026-11-01T00:00+08:00");       // still 31 October in UTC: the operator's zone counts
    JsonNode health = health();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("details").get("today").asText()).isEqualTo("2026-11-01");
    assertThat(health.get("details").get("schedules").get("2026").asText()).isEqualTo("LIBRARY");
    assertThat(health.get("details").get("schedules").get("2027").asText()).isEqualTo("NONE");
    assertThat(health.get("details").get("warning").asText()).contains("No holiday schedule for 2027")
        .contains("PUT /api/calendar/years/2027");
    assertThat(health.get("details").get("missingYears").toString()).isEqualTo("[2027]");
    assertThat(readiness()).isEqualTo("UP");

    JsonNode warnings = dashboard().get("calendarWarnings");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).get("year").asInt()).isEqualTo(2027);
    assertThat(warnings.get(0).get("since").asText()).isEqualTo("2026-11-01");
    assertThat(warnings.get(0).get("message").asText()).contains("尚无2027年节假日安排");
  }

  @Test
  void on31October_noWarning() {
    clockAt("2026-10-31T23:59+08:00");
    JsonNode health = health();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("details").has("warning")).isFalse();
    assertThat(dashboard().has("calendarWarnings")).isFalse();
  }

  @Test
  void onceTheOperatorAddsNextYear_theWarningIsGone() throws Exception {
    clockAt("2026-11-15T10:00+08:00");
    assertThat(dashboard().has("calendarWarnings")).isTrue();
    years.store(HolidayScheduleTest.exampleSchedule(), CalendarYearRepository.Origin.API, null, "admin");
    assertThat(dashboard().has("calendarWarnings")).isFalse();
    assertThat(health().get("details").has("warning")).isFalse();
    assertThat(health().get("details").get("schedules").get("2027").asText()).isEqualTo("OPERATOR");
  }

  @Test
  void aYearWithoutScheduleThatHasBegun_isAWarningAllYear() {
    clockAt("2027-03-01T10:00+08:00");
    JsonNode health = health();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("details").get("missingYears").toString()).isEqualTo("[2027]");
    assertThat(readiness()).isEqualTo("UP");
  }
}
