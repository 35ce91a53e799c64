package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
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

/** The KPI and customer-base API over HTTP: shapes, bad input, login. */
@ServiceLoopTest
class KpiApiTest {

  static final String REGION = "KPI测试区-api";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
  }

  @AfterEach
  void tearDown() {
    facts.clear();
  }

  TestRestTemplate demo() {
    return rest.withBasicAuth("demo", "demo");
  }

  JsonNode get(String url, HttpStatus expected) throws Exception {
    ResponseEntity<String> response = demo().getForEntity(url, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
    return json.readTree(response.getBody());
  }

  ResponseEntity<String> put(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return demo().exchange("/api/customer-base", HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
  }

  static JsonNode kpi(JsonNode kpis, String id) {
    for (JsonNode k : kpis) {
      if (k.get("id").asText().equals(id)) {
        return k;
      }
    }
    throw new AssertionError("no KPI " + id + " in " + kpis);
  }

  @Test
  void customerBaseIsUpsertedAndFeedsComplaintsPer10k() throws Exception {
    ResponseEntity<String> created = put("{\"region\":\"" + REGION + "\",\"month\":\"2026-11\",\"broadbandCustomers\":10000}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> replaced = put("{\"region\":\"" + REGION + "\",\"month\":\"2026-11\",\"broadbandCustomers\":20000}");
    assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(replaced.getBody()).get("broadbandCustomers").asLong()).isEqualTo(20000);
    facts.complaint("BROADBAND").received("2026-11-03T10:00+08:00").insert();

    JsonNode body = get("/api/kpis?from=2026-11-01&to=2026-12-01&region=" + REGION, HttpStatus.OK);
    JsonNode per10k = kpi(body.get("kpis"), "complaintsPer10k");
    assertThat(per10k.get("value").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(per10k.get("numerator").asInt()).isEqualTo(1);
    assertThat(per10k.get("denominator").asInt()).isEqualTo(20000);
    assertThat(per10k.get("name").asText()).isEqualTo("万客户投诉量 Broadband complaints per 10,000 customers");
  }

  @Test
  void appealsPerMillionAndRegulatorReplyInTimeInTheJson() throws Exception {
    facts.customerBase("2026-11", 2_000_000);
    facts.referral("BROADBAND").received("2026-11-03T10:00+08:00").regulatorReplyDue("2026-11-20T18:00+08:00")
        .reportedToRegulator("2026-11-18T10:00+08:00", true).insert();

    JsonNode body = get("/api/kpis?from=2026-11-01&to=2026-12-01&region=" + REGION, HttpStatus.OK);
    JsonNode appeals = kpi(body.get("kpis"), "appealsPerMillion");
    assertThat(appeals.get("name").asText()).isEqualTo("申诉率 Appeals per million customers");
    assertThat(appeals.get("unit").asText()).isEqualTo("PER_MILLION");
    assertThat(appeals.get("value").decimalValue()).isEqualByComparingTo("0.5");   // 1 / 2,000,000 × 1,000,000
    assertThat(appeals.get("denominator").asLong()).isEqualTo(2_000_000);
    assertThat(appeals.get("missingBaseMonths")).isEmpty();
    JsonNode reply = kpi(body.get("kpis"), "regulatorReplyInTime");
    assertThat(reply.get("unit").asText()).isEqualTo("RATIO");
    assertThat(reply.get("value").decimalValue()).isEqualByComparingTo("1");
    // December: no base — no denominator, the month named
    JsonNode december = kpi(get("/api/kpis?from=2026-12-01&to=2027-01-01&region=" + REGION, HttpStatus.OK)
        .get("kpis"), "appealsPerMillion");
    assertThat(december.get("value").isNull()).isTrue();
    assertThat(december.get("noDenominator").asBoolean()).isTrue();
    assertThat(december.get("missingBaseMonths").get(0).asText()).isEqualTo("2026-12");
  }

  @Test
  void emptyPeriodAnswersNullValuesWithNoDenominator() throws Exception {
    JsonNode body = get("/api/kpis?from=2026-11-01&to=2026-12-01&region=" + REGION, HttpStatus.OK);
    JsonNode timely = kpi(body.get("kpis"), "timelyHandlingRate");
    assertThat(timely.has("value")).isTrue();
    assertThat(timely.get("value").isNull()).isTrue();
    assertThat(timely.get("noDenominator").asBoolean()).isTrue();
    assertThat(timely.get("target").decimalValue()).isEqualByComparingTo("0.96");
    assertThat(timely.get("met").isNull()).isTrue();
    assertThat(body.get("kpis")).hasSize(Kpi.values().length);
  }

  @Test
  void groupByAnswersOneKpiListPerGroup() throws Exception {
    facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-12-05T10:00+08:00", false).insert();
    JsonNode body = get("/api/kpis?from=2026-11-01&to=2027-01-01&groupBy=month&region=" + REGION, HttpStatus.OK);
    assertThat(body.get("groupBy").asText()).isEqualTo("month");
    assertThat(body.get("groups")).hasSize(2);
    assertThat(body.get("groups").get(0).get("key").asText()).isEqualTo("2026-11");
    assertThat(kpi(body.get("groups").get(0).get("kpis"), "timelyHandlingRate").get("met").asBoolean()).isTrue();
    assertThat(kpi(body.get("groups").get(1).get("kpis"), "timelyHandlingRate").get("value").decimalValue())
        .isEqualByComparingTo("0");
  }

  @Test
  void ordersBehindAKpiLinkToCockpit() throws Exception {
    String orderNo = facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", false)
        .set("process_instance_id", "abc-123").insert();
    JsonNode body = get("/api/kpis/timelyHandlingRate/orders?from=2026-11-01&to=2026-12-01&region=" + REGION,
        HttpStatus.OK);
    assertThat(body.get("orders")).hasSize(1);
    JsonNode order = body.get("orders").get(0);
    assertThat(order.get("orderNo").asText()).isEqualTo(orderNo);
    assertThat(order.get("cockpitUrl").asText()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/abc-123");
    assertThat(body.get("truncated").asBoolean()).isFalse();
    get("/api/kpis/noSuchKpi/orders?from=2026-11-01&to=2026-12-01", HttpStatus.BAD_REQUEST);
  }

  @Test
  void badPeriodsAndGroupingsAre400WithTheField() throws Exception {
    assertField(get("/api/kpis?from=2026-12-01&to=2026-11-01", HttpStatus.BAD_REQUEST), "to");
    assertField(get("/api/kpis?from=2026-11-01&to=2026-11-01", HttpStatus.BAD_REQUEST), "to");
    assertField(get("/api/kpis?from=2026-13-01&to=2026-12-01", HttpStatus.BAD_REQUEST), "from");
    assertField(get("/api/kpis?from=yesterday&to=2026-12-01", HttpStatus.BAD_REQUEST), "from");
    assertField(get("/api/kpis?to=2026-12-01", HttpStatus.BAD_REQUEST), "from");
    assertField(get("/api/kpis?from=2026-11-01&to=2026-12-01&groupBy=weekday", HttpStatus.BAD_REQUEST), "groupBy");
  }

  @Test
  void badCustomerBaseIs400PerField() throws Exception {
    JsonNode errors = json.readTree(put("{\"region\":\"\",\"month\":\"2026-13\",\"broadbandCustomers\":-5}").getBody());
    assertThat(errors.get("message").asText()).isNotBlank();
    assertThat(errors.get("errors").findValuesAsText("field")).containsExactly("region", "month", "broadbandCustomers");
    ResponseEntity<String> notANumber = put("{\"region\":\"x\",\"month\":\"2026-11\",\"broadbandCustomers\":\"many\"}");
    assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertField(json.readTree(notANumber.getBody()), "broadbandCustomers");
    ResponseEntity<String> notJson = put("{region");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyServiceSupervisionSetsTheCustomerBaseAndAuditorsOnlyRead() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var body = new HttpEntity<>("{\"region\":\"" + REGION + "\",\"month\":\"2026-10\",\"broadbandCustomers\":500}",
        headers);
    assertThat(rest.withBasicAuth("auditor1", "demo")
        .exchange("/api/customer-base", HttpMethod.PUT, body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("hotline1", "demo")
        .exchange("/api/customer-base", HttpMethod.PUT, body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_customer_base WHERE region = ?", Integer.class, REGION))
        .isZero();
    assertThat(rest.withBasicAuth("supervisor1", "demo")
        .exchange("/api/customer-base", HttpMethod.PUT, body, String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/kpis?from=2026-10-01&to=2026-11-01&region=" + REGION, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theApiNeedsALogin() {
    assertThat(rest.getForEntity("/api/kpis?from=2026-11-01&to=2026-12-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  static void assertField(JsonNode body, String field) {
    assertThat(body.get("errors").findValuesAsText("field")).contains(field);
  }
}
