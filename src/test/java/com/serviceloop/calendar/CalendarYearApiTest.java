package com.serviceloop.calendar;

import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PUT/GET /api/calendar/years/{year} over HTTP: an administrator adds 2027 (the documented, invented example)
 * and the next deadline counts it at once; staff and auditors get 403; a schedule that is not a real one is a
 * 400 naming the day, and nothing is stored.
 */
@ServiceLoopTest
class CalendarYearApiTest {

  static final String ADMIN = "caladmin";
  static final String STAFF = "calhotline";
  static final String AUDITOR = "calauditor";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired WorkingTimeCalendar calendar;

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, ADMIN, "camunda-admin");
    TestUsers.ensure(identity, STAFF, "hotline");
    TestUsers.ensure(identity, AUDITOR, "auditors");
    clear();
  }

  @AfterEach
  void clear() {
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  static String example() throws Exception {
    return HolidayScheduleTest.example().toString();
  }

  ResponseEntity<JsonNode> put(String user, String year, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange("/api/calendar/years/" + year, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> get(String user, String year) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/api/calendar/years/" + year, JsonNode.class);
  }

  static Instant at(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  int stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_calendar_year", Integer.class);
  }

  @Test
  void anAdministratorAdds2027_andTheNextDeadlineSkipsItsHolidayAndCountsItsMakeUpSaturday() throws Exception {
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-01T10:00+08:00"));
    assertThat(get(ADMIN, "2027").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(ADMIN, "2027").getBody().get("message").asText()).contains("calendar/holidays-2027.json");

    ResponseEntity<JsonNode> created = put(ADMIN, "2027", example());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = created.getBody();
    assertThat(body.get("year").asInt()).isEqualTo(2027);
    assertThat(body.get("inForce").asText()).isEqualTo("OPERATOR");
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("origin").asText()).isEqualTo("API");
    assertThat(body.get("createdBy").asText()).isEqualTo(ADMIN);
    assertThat(body.get("createdAt").asText()).endsWith("+08:00");
    assertThat(body.get("schedule").get("holidays").get(0).get("date").asText()).isEqualTo("2027-01-01");

    // at once, without a restart: the calendar reads the table
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-02T10:00+08:00"));
    assertThat(calendar.hasHolidayScheduleFor(2027)).isTrue();

    // a corrected version: 200, version 2 in force, version 1 kept with who and when
    String corrected = example().replace("\"2027-01-02\"", "\"2027-01-03\"");
    ResponseEntity<JsonNode> second = put(ADMIN, "2027", corrected);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
    JsonNode read = get(ADMIN, "2027").getBody();
    assertThat(read.get("version").asInt()).isEqualTo(2);
    assertThat(read.get("versions")).hasSize(2);
    assertThat(read.get("versions").get(1).get("version").asInt()).isEqualTo(1);
    assertThat(read.get("versions").get(1).get("createdBy").asText()).isEqualTo(ADMIN);
    // Sunday 3 Jan is now the make-up day, Saturday 2 Jan is not
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-03T10:00+08:00"));
  }

  @Test
  void aYearOfTheLibraryReadsWithItsNames() {
    JsonNode body = get(ADMIN, "2026").getBody();
    assertThat(body.get("inForce").asText()).isEqualTo("LIBRARY");
    assertThat(body.get("schedule").get("workdays").toString()).contains("2026-10-10");
    assertThat(body.get("schedule").get("holidays").toString()).contains("\"2026-10-01\"");
  }

  @Test
  void staffAndAuditorsMayNeitherChangeNorRead() throws Exception {
    for (String user : List.of(STAFF, AUDITOR)) {
      ResponseEntity<JsonNode> answer = put(user, "2027", example());
      assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody().get("message").asText()).contains(user).contains("administrators only");
      assertThat(get(user, "2027").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(rest.getForEntity("/api/calendar/years/2027", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(stored()).isZero();
  }

  @Test
  void aScheduleThatIsNotARealOne_is400NamingTheDay_andNothingIsStored() {
    Map<String, String[]> bad = Map.of(
        """
        {"year": 2027, "holidays": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2026-12-31", "name": "跨年"}]}""",
        new String[] {"holidays[1].date", "2026-12-31 is not in 2027"},
        """
        {"year": 2027, "holidays": [{"date": "2027-01-02", "name": "元旦"}],
         "workdays": [{"date": "2027-01-02", "name": "调休"}]}""",
        new String[] {"workdays[0]", "2027-01-02 is both a holiday and a make-up working day"},
        """
        {"year": 2027, "holidays": [{"date": "2027-02-08", "name": "春节"}, {"date": "2027-02-08", "name": "春节"}]}""",
        new String[] {"holidays[1].date", "2027-02-08 is listed twice"},
        """
        {"year": 2027, "holidays": [{"date": "2027-01-01", "name": "元旦"}],
         "workdays": [{"date": "2027-01-05", "name": "调休"}]}""",
        new String[] {"workdays[0]", "2027-01-05 is a Tuesday"},
        "{\"year\": 2027, \"holidays\": []}", new String[] {"holidays", "empty"},
        "{\"year\": 2028, \"holidays\": [{\"date\": \"2028-01-01\", \"name\": \"元旦\"}]}",
        new String[] {"year", "2028 is not 2027"});
    bad.forEach((body, expected) -> {
      ResponseEntity<JsonNode> answer = put(ADMIN, "2027", body);
      assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().get("message").asText()).isEqualTo("Not a valid holiday schedule for 2027");
      JsonNode error = answer.getBody().get("errors").get(0);
      assertThat(error.get("field").asText()).as(body).isEqualTo(expected[0]);
      assertThat(error.get("message").asText()).as(body).contains(expected[1]);
    });
    assertThat(put(ADMIN, "27", "{}").getBody().get("errors").get(0).get("field").asText()).isEqualTo("year");
    assertThat(put(ADMIN, "2027", "not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(put(ADMIN, "2027", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(stored()).isZero();
    assertThat(calendar.hasHolidayScheduleFor(2027)).isFalse();
  }
}
