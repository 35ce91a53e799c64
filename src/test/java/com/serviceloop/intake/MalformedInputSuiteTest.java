package com.serviceloop.intake;

import static com.serviceloop.intake.IntakeRequests.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7 item 5: malformed input over /api/*, generated from a table of cases (per field of each intake:
 * missing, null, wrong JSON types, huge and unicode strings, unknown enum values, future and ancient dates,
 * negative, textual and overflowing amounts; per endpoint: non-JSON, empty body, arrays, scalars, wrong
 * content types, wrong methods, unacceptable Accept; the coverage CSV; unknown paths). Every request must
 * be answered 4xx in the ApiError shape (a field message where a field is at fault), none 5xx, and nothing
 * may be written: work orders, process instances, keys, outbox and coverage unchanged.
 */
@ServiceLoopTest
class MalformedInputSuiteTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String CHANNEL_USER = "itmalformed";
  static final String NETWORK_USER = "itmalformednet";
  static final String HUGE = "x".repeat(100_000);
  static final String HUGE_UNICODE = "投诉😀".repeat(3_000);

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  /** One request and what its answer must be. */
  record Case(String name, HttpMethod method, String path, String contentType, String accept, String body,
      String user, String field, Integer status) {}

  @BeforeEach
  void usersAndClock() {
    TestUsers.ensure(identity, CHANNEL_USER, "channel-systems");
    TestUsers.ensure(identity, NETWORK_USER, "network");
    clockAtNow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyMalformedRequestIsA4xxWithFieldMessages_noneA5xx_andNothingIsWritten() {
    List<Case> cases = cases();
    Map<String, Long> before = counts(jdbc);
    Map<Integer, Integer> byStatus = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int withField = 0;
    for (Case c : cases) {
      ResponseEntity<String> answer = send(c);
      int status = answer.getStatusCode().value();
      byStatus.merge(status, 1, Integer::sum);
      String problem = check(c, answer);
      if (problem != null) {
        failures.add(c.name() + " -> " + status + ": " + problem + " " + abbreviate(answer.getBody()));
      } else if (c.field() != null) {
        withField++;
      }
    }
    Map<String, Long> after = counts(jdbc);
    long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    long fourHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
        .mapToLong(Map.Entry::getValue).sum();
    System.out.printf("Malformed-input suite: %d requests, %d x 4xx, %d x 5xx, by status %s; %d with the bad "
        + "field named; %d failed checks; counts before %s after %s%n", cases.size(), fourHundreds, fiveHundreds,
        byStatus, withField, failures.size(), before, after);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    assertThat(failures).isEmpty();
    assertThat(fiveHundreds).isZero();
    assertThat(after).isEqualTo(before);
  }

  private static String check(Case c, ResponseEntity<String> answer) {
    int status = answer.getStatusCode().value();
    if (status < 400 || status >= 500) {
      return "not a 4xx";
    }
    if (c.status() != null && status != c.status()) {
      return "expected " + c.status();
    }
    String type = answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.startsWith("application/json")) {
      return "not JSON (" + type + ")";
    }
    JsonNode body;
    try {
      body = MAPPER.readTree(answer.getBody());
    } catch (Exception e) {
      return "unreadable body";
    }
    if (body == null || !body.path("message").isTextual() || body.path("message").asText().isBlank()) {
      return "no message";
    }
    if (status == 400 && !body.path("errors").isArray()) {
      return "400 without an errors list";
    }
    if (c.field() != null) {
      for (JsonNode error : body.path("errors")) {
        if (c.field().equals(error.path("field").asText()) && !error.path("message").asText().isBlank()) {
          return null;
        }
      }
      return "no message for field " + c.field();
    }
    return null;
  }

  private ResponseEntity<String> send(Case c) {
    HttpHeaders headers = new HttpHeaders();
    if (c.contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, c.contentType());
    }
    headers.set(HttpHeaders.ACCEPT, c.accept() != null ? c.accept() : "application/json");
    if (IdempotencyKeys.HEADER.equals(c.field())) {
      headers.set(IdempotencyKeys.HEADER, "k".repeat(129));
    }
    String password = c.user().equals("demo") ? "demo" : TestUsers.PASSWORD;
    return rest.withBasicAuth(c.user(), password).exchange(c.path(), c.method(), new HttpEntity<>(c.body(), headers),
        String.class);
  }

  // ---- the table -------------------------------------------------------------------------------------------

  /** A field of an intake body: its JSON path, kind and whether it may be left out. */
  record Field(String path, Kind kind, boolean required) {}

  enum Kind { TEXT, PHONE, ENUM, DATE, AMOUNT, BOOLEAN, MONTH, OBJECT }

  static final Map<String, List<Field>> FIELDS = Map.of(
      COMPLAINTS, List.of(
          new Field("customerPhone", Kind.PHONE, true), new Field("customerName", Kind.TEXT, true),
          new Field("customerSegment", Kind.ENUM, true), new Field("customerTier", Kind.ENUM, true),
          new Field("brand", Kind.TEXT, false), new Field("region", Kind.TEXT, true),
          new Field("channel", Kind.ENUM, true), new Field("category", Kind.ENUM, true),
          new Field("description", Kind.TEXT, true), new Field("receivedAt", Kind.DATE, false),
          new Field("billingMonth", Kind.MONTH, true), new Field("disputedAmount", Kind.AMOUNT, true)),
      BROADBAND_ORDERS, List.of(
          new Field("channel", Kind.ENUM, true), new Field("customerPhone", Kind.PHONE, true),
          new Field("customerName", Kind.TEXT, true), new Field("region", Kind.TEXT, true),
          new Field("address", Kind.OBJECT, true),
          new Field("address.compound", Kind.TEXT, true), new Field("address.building", Kind.TEXT, true),
          new Field("address.room", Kind.TEXT, false), new Field("package", Kind.TEXT, true),
          new Field("constructionMode", Kind.ENUM, true), new Field("acceptedAt", Kind.DATE, false),
          new Field("businessHall", Kind.TEXT, true), new Field("hallRegion", Kind.TEXT, true),
          new Field("payment.method", Kind.ENUM, true), new Field("payment.amount", Kind.AMOUNT, true),
          new Field("payment.invoiceNo", Kind.TEXT, true), new Field("payment.customerSigned", Kind.BOOLEAN, true)),
      FAULT_REPORTS, List.of(
          new Field("customerPhone", Kind.PHONE, true), new Field("customerName", Kind.TEXT, true),
          new Field("region", Kind.TEXT, true), new Field("area", Kind.ENUM, true),
          new Field("service", Kind.ENUM, true), new Field("channel", Kind.ENUM, true),
          new Field("description", Kind.TEXT, true), new Field("receivedAt", Kind.DATE, false),
          new Field("customerSegment", Kind.ENUM, false)));

  /** The bad values of a kind (a name for the case, and the value; REMOVE = the field left out). */
  static Map<String, Object> badValues(Field field) {
    Object remove = REMOVE;
    Map<String, Object> values = new LinkedHashMap<>();
    if (field.required()) {
      values.put("missing", remove);
      values.put("null", null);
    }
    switch (field.kind()) {
      case TEXT, PHONE, ENUM, MONTH -> {
        if (field.required()) {
          values.put("empty", "");
          values.put("blank", "   ");
        }
        values.put("number", 12345);
        values.put("boolean", true);
        values.put("array", List.of("a"));
        values.put("object", Map.of("a", 1));
        values.put("huge", HUGE);
        values.put("huge unicode", HUGE_UNICODE);
        if (field.kind() == Kind.PHONE) {
          values.put("short", "12345");
          values.put("letters", "1391234567a");
          values.put("number as number", 13912345678L);
        }
        if (field.kind() == Kind.ENUM) {
          values.put("unknown", "BITCOIN");
          values.put("lower case", "bitcoin");
        }
        if (field.kind() == Kind.MONTH) {
          values.put("month 13", "2026-13");
          values.put("other format", "10/2026");
        }
      }
      case DATE -> {
        values.put("30 days ahead", OffsetDateTime.parse(NOW).plusDays(30).toString());
        values.put("1 hour ahead", OffsetDateTime.parse(NOW).plusHours(1).toString());
        values.put("year 2999", "2999-01-01T00:00+08:00");
        values.put("year 1900", "1900-01-01T00:00+08:00");
        values.put("8 days ago", OffsetDateTime.parse(NOW).minusDays(8).toString());
        values.put("words", "yesterday");
        values.put("epoch number", 1763629200000L);
        values.put("boolean", true);
        values.put("array", List.of(RECEIVED));
        values.put("huge", HUGE);
      }
      case AMOUNT -> {
        values.put("negative", -1000);
        values.put("minus a fen", -0.01);
        values.put("as text", "12.5");
        values.put("three decimals", 1.005);
        values.put("overflow", 1e15);
        values.put("boolean", true);
        values.put("array", List.of(1));
        values.put("object", Map.of("yuan", 1));
      }
      case BOOLEAN -> {
        values.put("as text", "true");
        values.put("false", false);
        values.put("number", 1);
        values.put("array", List.of(true));
      }
      case OBJECT -> {
        values.put("text", "Wenyuan Garden 1");
        values.put("array", List.of("Wenyuan Garden", "1"));
        values.put("number", 1);
        values.put("empty object", Map.of());
      }
    }
    return values;
  }

  static final Object REMOVE = new Object();

  List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String endpoint : ENDPOINTS) {
      for (Field field : FIELDS.get(endpoint)) {
        badValues(field).forEach((what, value) -> {
          Map<String, Object> body = valid(endpoint, newPhone());
          set(body, field.path(), value);
          String expectedField = field.kind() == Kind.OBJECT && "empty object".equals(what)
              ? "address.compound" : field.path();
          cases.add(json(endpoint + " " + field.path() + " " + what, endpoint, write(body), expectedField, 400));
        });
      }
      // forged or mistyped properties: the process sets these, or they do not exist; never silently dropped
      Map<String, Object> forged = new LinkedHashMap<>();
      forged.put("orderNo", "CMP-000001");
      forged.put("status", "CLOSED");
      forged.put("firstContactDue", "2030-01-01T00:00+08:00");
      forged.put("processInstanceId", "x");
      forged.put("customerPhon", "13800138000");
      if (COMPLAINTS.equals(endpoint)) {
        forged.put("broadbandAccount", "a field of BROADBAND complaints, not BILLING ones");
      }
      if (BROADBAND_ORDERS.equals(endpoint)) {
        forged.put("address.floor", "3");
        forged.put("payment.discount", 50);
      }
      forged.forEach((name, value) -> {
        Map<String, Object> body = valid(endpoint, newPhone());
        set(body, name, value);
        cases.add(json(endpoint + " forged " + name, endpoint, write(body), name, 400));
      });
      for (Map.Entry<String, String> raw : rawBodies(endpoint).entrySet()) {
        cases.add(json(endpoint + " body " + raw.getKey(), endpoint, raw.getValue(), null, 400));
      }
      String valid = write(valid(endpoint, newPhone()));
      for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x", "application/json-patch+json")) {
        cases.add(new Case(endpoint + " content type " + type, HttpMethod.POST, endpoint, type, null, valid,
            CHANNEL_USER, null, 415));
      }
      cases.add(new Case(endpoint + " no content type", HttpMethod.POST, endpoint, null, null, valid, CHANNEL_USER,
          null, 415));
      cases.add(new Case(endpoint + " accepts only text/html", HttpMethod.POST, endpoint, "application/json",
          "text/html", valid, CHANNEL_USER, null, 406));
      for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
        cases.add(new Case(endpoint + " method " + method, method, endpoint, "application/json", null, valid,
            CHANNEL_USER, null, 405));
      }
      cases.add(json(endpoint + " Idempotency-Key too long", endpoint, valid, "Idempotency-Key", 400));
    }
    cases.addAll(coverageCases());
    cases.addAll(otherCases());
    return cases;
  }

  static Map<String, String> rawBodies(String endpoint) {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("not JSON", "this is not json");
    raw.put("truncated", "{\"customerPhone\": \"139");
    raw.put("empty", "");
    raw.put("whitespace", "   ");
    raw.put("null", "null");
    raw.put("array", "[]");
    raw.put("array of the object", "[" + write(valid(endpoint, "13700000000")) + "]");
    raw.put("number", "42");
    raw.put("string", "\"a complaint\"");
    raw.put("boolean", "true");
    raw.put("empty object", "{}");
    raw.put("trailing garbage", write(valid(endpoint, "13700000001")) + " }");
    raw.put("duplicate key", write(valid(endpoint, "13700000002")).replaceFirst("\\{", "{\"region\": \"x\", "));
    raw.put("single quotes", "{'customerPhone': '13912345678'}");
    raw.put("deeply nested", "[".repeat(5_000) + "]".repeat(5_000));
    raw.put("NaN amount", "{\"disputedAmount\": NaN}");
    raw.put("huge number", "{\"disputedAmount\": 1e400, \"payment\": {\"amount\": 1e400}}");
    raw.put("control characters", "{\"customerName\": \"\u0000\u0001\"}");
    return raw;
  }

  List<Case> coverageCases() {
    String header = "region,compound,building,freePorts\n";
    Map<String, String[]> csv = new LinkedHashMap<>();
    csv.put("empty", new String[] {"", "header"});
    csv.put("no header", new String[] {"Hangzhou-Xihu,Wenyuan Garden,1,5\n", "region"});
    csv.put("header only region", new String[] {"region\nHangzhou-Xihu\n", "compound"});
    csv.put("negative ports", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden,1,-1\n", "freePorts"});
    csv.put("ports as words", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden,1,many\n", "freePorts"});
    csv.put("ports overflow", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden,1,99999999999\n", "freePorts"});
    csv.put("huge region", new String[] {header + "x".repeat(65) + ",Wenyuan Garden,1,5\n", "region"});
    csv.put("huge compound", new String[] {header + "Hangzhou-Xihu," + "投".repeat(129) + ",1,5\n", "compound"});
    csv.put("huge building", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden," + HUGE + ",5\n", "building"});
    csv.put("huge technology", new String[] {"region,compound,building,freePorts,technology\n"
        + "Hangzhou-Xihu,Wenyuan Garden,1,5," + "F".repeat(33) + "\n", "technology"});
    csv.put("missing building", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden,,5\n", "building"});
    csv.put("too few columns", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden\n", "row"});
    csv.put("unclosed quote", new String[] {header + "\"Hangzhou-Xihu,Wenyuan Garden,1,5\n", "row"});
    csv.put("twice", new String[] {header + "Hangzhou-Xihu,Wenyuan Garden,1,5\nHangzhou-Xihu,Wenyuan Garden,1,6\n",
        "building"});
    List<Case> cases = new ArrayList<>();
    csv.forEach((name, value) -> cases.add(new Case("/api/coverage " + name, HttpMethod.POST, "/api/coverage",
        "text/csv", null, value[0], NETWORK_USER, value[1], 400)));
    cases.add(new Case("/api/coverage as JSON", HttpMethod.POST, "/api/coverage", "application/json", null,
        "{\"region\": \"x\"}", NETWORK_USER, null, 415));
    // GET /api/coverage is the coverage query (issue 11): without its compound it is a 400 naming the field
    cases.add(new Case("/api/coverage GET", HttpMethod.GET, "/api/coverage", null, null, null, NETWORK_USER, "compound",
        400));
    cases.add(new Case("/api/coverage PUT", HttpMethod.PUT, "/api/coverage", "text/csv", null, header, NETWORK_USER,
        null, 405));
    return cases;
  }

  List<Case> otherCases() {
    List<Case> cases = new ArrayList<>();
    for (String path : List.of("/api/complaints/CMP-999999999", "/api/complaints/" + "x".repeat(300),
        "/api/complaints/%E6%8A%95%E8%AF%89", "/api/work-orders/NOPE-1/history", "/api/nothing-here",
        "/api/complaints/CMP-1/extra", "/api")) {
      cases.add(new Case("GET " + path, HttpMethod.GET, path, null, null, null, CHANNEL_USER, null, 404));
    }
    cases.add(new Case("GET /api/complaints", HttpMethod.GET, "/api/complaints", null, null, null, CHANNEL_USER, null,
        405));
    cases.add(new Case("DELETE /api/complaints/CMP-1", HttpMethod.DELETE, "/api/complaints/CMP-1", null, null, null,
        CHANNEL_USER, null, 405));
    cases.add(new Case("GET /api/kpis bad groupBy", HttpMethod.GET, "/api/kpis?from=2026-11-01&to=2026-12-01&groupBy=x",
        null, null, null, "demo", "groupBy", 400));
    cases.add(new Case("GET /api/kpis bad from", HttpMethod.GET, "/api/kpis?from=yesterday&to=2026-12-01",
        null, null, null, "demo", "from", 400));
    cases.add(new Case("PUT /api/customer-base array", HttpMethod.PUT, "/api/customer-base", "application/json", null,
        "[]", "demo", null, 400));
    cases.add(new Case("PUT /api/customer-base huge region", HttpMethod.PUT, "/api/customer-base", "application/json",
        null, "{\"region\": \"" + HUGE + "\", \"month\": \"2026-11\", \"broadbandCustomers\": 1}", "demo", "region",
        400));
    cases.add(new Case("PUT /api/customer-base text/plain", HttpMethod.PUT, "/api/customer-base", "text/plain", null,
        "region=x", "demo", null, 415));
    return cases;
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  static Case json(String name, String path, String body, String field, Integer status) {
    return new Case(name, HttpMethod.POST, path, "application/json", null, body, CHANNEL_USER, field, status);
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> target = body;
    for (int i = 0; i < parts.length - 1; i++) {
      target = (Map<String, Object>) target.get(parts[i]);
    }
    Consumer<Map<String, Object>> change = value == REMOVE ? m -> m.remove(parts[parts.length - 1])
        : m -> m.put(parts[parts.length - 1], value);
    change.accept(target);
  }

  static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
