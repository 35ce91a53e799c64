package com.serviceloop.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The read-only lookups over HTTP: each answers its data, 400 for bad input (a message per field), 404 for
 * an unknown number and 403 for a group that may not call it; personal data masked for auditors.
 */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class LookupApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
  final String phone = "137" + tag + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, "lkhotline", "hotline");
    TestUsers.ensure(identity, "lkhall", "business-hall");
    TestUsers.ensure(identity, "lksupervisor", "service-supervision");
    TestUsers.ensure(identity, "lknetwork", "network");
    TestUsers.ensure(identity, "lkinstaller", "installers-own");
    TestUsers.ensure(identity, "lkauditor", "auditors");
    TestUsers.ensure(identity, "lkchannel", "channel-systems");
    TestUsers.ensure(identity, "lknetassure", "dept-network-assurance");
    TestUsers.ensure(identity, "lkbizmgmt", "dept-business-management");
    TestUsers.ensure(identity, "lkgm", "general-manager");
  }

  // ---- GET /api/broadband-orders/{orderNo}

  @Test
  void aBroadbandOrderIsShownWithItsDeadlines_personalDataOnlyToWhoNeedsIt() {
    String orderNo = hallOrder(phone, "Wulin Hall " + tag);

    ResponseEntity<Map<String, Object>> agent = get("lkhotline", "/api/broadband-orders/" + orderNo);
    assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> order = agent.getBody();
    assertThat(order).containsEntry("orderNo", orderNo).containsEntry("orderType", "INSTALLATION")
        .containsEntry("customerPhone", phone).containsEntry("customerName", "Li Lei")
        .containsEntry("addressRoom", "301").containsEntry("businessHall", "Wulin Hall " + tag)
        .containsEntry("revenueRegion", "Hangzhou-Xihu").containsEntry("installationDue", "2026-11-21T15:30+08:00")
        .containsEntry("receivedAt", "2026-11-18T15:30+08:00").containsKeys("status", "breaches", "appointmentChanges");
    assertThat(order).doesNotContainKeys("id", "createdAt");
    assertThat(((Number) order.get("volumeCoefficient")).doubleValue()).isEqualTo(2.0);

    Map<String, Object> audited = get("lkauditor", "/api/broadband-orders/" + orderNo).getBody();
    assertThat(audited).containsEntry("customerPhone", phone.substring(0, 3) + "****" + phone.substring(7))
        .containsEntry("customerName", "L*").doesNotContainKey("addressRoom")
        .containsEntry("installationDue", "2026-11-21T15:30+08:00");

    assertThat(get("lkinstaller", "/api/broadband-orders/" + orderNo).getBody())
        .containsEntry("customerPhone", phone);
  }

  @Test
  void aBroadbandOrderLookup_403ForOtherGroups_404ForUnknown_400ForNonsense_401WithoutLogin() {
    forbidden("lkbizmgmt", "/api/broadband-orders/INS-000001");
    forbidden("lkgm", "/api/broadband-orders/INS-000001");
    notFound("lkhotline", "/api/broadband-orders/INS-999999999");
    String complaint = complaint(phone);
    notFound("lkhotline", "/api/broadband-orders/" + complaint);       // a number of another kind
    badField("lkhotline", "/api/broadband-orders/order42", "orderNo");
    assertThat(rest.getForEntity("/api/broadband-orders/INS-000001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // ---- GET /api/fault-reports/{orderNo}

  @Test
  void aFaultReportIsShownToItsReaders_403ForOthers() {
    String orderNo = faultReport(phone);
    Map<String, Object> report = get("lkinstaller", "/api/fault-reports/" + orderNo).getBody();
    assertThat(report).containsEntry("orderNo", orderNo).containsEntry("orderType", "FAULT_REPAIR")
        .containsEntry("area", "URBAN").containsEntry("service", "BROADBAND").containsEntry("customerPhone", phone)
        .containsEntry("receivedAt", "2026-11-20T17:00+08:00").containsKeys("firstContactDue", "breaches");
    assertThat((String) report.get("firstContactDue")).endsWith("+08:00");
    assertThat(get("lknetassure", "/api/fault-reports/" + orderNo).getBody())
        .containsEntry("customerName", "H*").containsEntry("orderNo", orderNo);

    forbidden("lkbizmgmt", "/api/fault-reports/" + orderNo);
    forbidden("lknetwork", "/api/fault-reports/" + orderNo);
    notFound("lkhotline", "/api/fault-reports/FLT-999999999");
    notFound("lkhotline", "/api/fault-reports/" + complaint(phone));
    badField("lkhotline", "/api/fault-reports/FLT-12a", "orderNo");
  }

  // ---- GET /api/work-orders?customerPhone=

  @Test
  void whatIsOpenForThisNumber_complaintsInstallationsAndRepairs_andWhatClosedRecently() {
    String complaint = complaint(phone);
    String repair = faultReport(phone);
    String installation = hallOrder(phone, "Wulin Hall " + tag);
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.update("""
        INSERT INTO sl_work_order (order_no, order_type, status, customer_phone, received_at, closed_at, satisfaction,
          created_at, updated_at) VALUES (?, 'COMPLAINT', 'CLOSED', ?, ?, ?, 'SATISFIED', ?, ?)""",
        "CMP-LK" + tag, phone, now.minusDays(10), now.minusDays(5), now, now);
    jdbc.update("""
        INSERT INTO sl_work_order (order_no, order_type, status, customer_phone, received_at, closed_at,
          created_at, updated_at) VALUES (?, 'COMPLAINT', 'CLOSED', ?, ?, ?, ?, ?)""",
        "CMP-LKOLD" + tag, phone, now.minusDays(200), now.minusDays(190), now, now);

    ResponseEntity<Map<String, Object>> answer = get("lkhall", "/api/work-orders?customerPhone= " + phone + " ");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> open = list(answer.getBody(), "open");
    assertThat(open).extracting(o -> o.get("orderNo")).containsExactlyInAnyOrder(complaint, repair, installation);
    Map<String, Object> firstContact = open.stream().filter(o -> o.get("orderNo").equals(complaint)).findFirst()
        .orElseThrow();
    assertThat(firstContact).containsEntry("type", "COMPLAINT").containsEntry("url", "/api/complaints/" + complaint)
        .containsEntry("page", "/kpi/history.html?order=" + complaint);
    @SuppressWarnings("unchecked")
    Map<String, Object> next = (Map<String, Object>) firstContact.get("nextDeadline");
    assertThat(next).containsEntry("name", "firstContact").containsKey("overdue");
    assertThat(list(answer.getBody(), "recent")).extracting(o -> o.get("orderNo")).containsExactly("CMP-LK" + tag);
    assertThat(answer.getBody()).containsEntry("days", 90).containsEntry("truncated", false);

    assertThat(list(get("lksupervisor", "/api/work-orders?customerPhone=" + phone + "&days=365").getBody(), "recent"))
        .extracting(o -> o.get("orderNo")).containsExactly("CMP-LK" + tag, "CMP-LKOLD" + tag);
    assertThat(list(get("lkhotline", "/api/work-orders?customerPhone=13000000000").getBody(), "open")).isEmpty();
  }

  @Test
  void customerLookup_onlyForTheGroupsThatServeCustomers_andBadInputIs400() {
    forbidden("lknetwork", "/api/work-orders?customerPhone=" + phone);
    forbidden("lkinstaller", "/api/work-orders?customerPhone=" + phone);
    forbidden("lkauditor", "/api/work-orders?customerPhone=" + phone);
    forbidden("lkchannel", "/api/work-orders?customerPhone=" + phone);
    forbidden("lkbizmgmt", "/api/work-orders?customerPhone=nonsense");   // 403 before the input is looked at
    badField("lkhotline", "/api/work-orders", "customerPhone");
    badField("lkhotline", "/api/work-orders?customerPhone=12345", "customerPhone");
    badField("lkhotline", "/api/work-orders?customerPhone=" + phone + "&days=0", "days");
    badField("lkhotline", "/api/work-orders?customerPhone=" + phone + "&days=many", "days");
  }

  @Test
  void aLandlineIsFoundWithOrWithoutItsHyphen() {
    String landline = "0571-8" + tag + "12";
    String orderNo = complaint(landline);
    assertThat(list(get("lkhotline", "/api/work-orders?customerPhone=" + landline.replace("-", "")).getBody(),
        "open")).extracting(o -> o.get("orderNo")).containsExactly(orderNo);
  }

  // ---- GET /api/coverage

  @Test
  void theSmsAndWebsiteCoverageQueryTolerateSpacesCaseAndFullWidth() {
    String compound = "Lookup Garden " + tag;
    importCoverage("""
        region,compound,building,freePorts,technology
        LK-%1$s,%2$s,1,3,FTTH
        LK-%1$s,%2$s,2,0,FTTH
        """.formatted(tag, compound));

    Map<String, Object> sms = get("lkchannel", "/api/coverage?compound=kd*lookupgarden" + tag).getBody();
    assertThat(sms).containsEntry("result", "AVAILABLE").containsEntry("covered", true).containsEntry("exactName", true);
    assertThat(list(sms, "matches")).hasSize(2);
    assertThat((String) sms.get("reply")).contains(compound + " 1栋：可办理").contains("2栋：端口已满");

    Map<String, Object> building = get("lkhotline",
        "/api/coverage?compound=  LOOKUP   garden " + tag + " &building=2栋&region=lk-" + tag).getBody();
    assertThat(building).containsEntry("result", "NO_FREE_PORT");
    assertThat(list(building, "matches")).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("building", "2").containsEntry("freePorts", 0)
            .containsEntry("technology", "FTTH"));

    Map<String, Object> fullWidth = get("lknetwork", "/api/coverage?compound=ＬＯＯＫＵＰ　Ｇａｒｄｅｎ　" + tag).getBody();
    assertThat(fullWidth).containsEntry("result", "AVAILABLE");

    Map<String, Object> part = get("lkhall", "/api/coverage?compound=garden " + tag).getBody();
    assertThat(part).containsEntry("exactName", false).containsEntry("result", "AVAILABLE");

    Map<String, Object> none = get("lkchannel", "/api/coverage?compound=kd*Nowhere " + tag).getBody();
    assertThat(none).containsEntry("result", "NOT_COVERED").containsEntry("covered", false);
    assertThat((String) none.get("reply")).contains("暂未覆盖");
  }

  @Test
  void aCoverageRowWrittenWithoutItsKeyIsStillFound() {
    jdbc.update("INSERT INTO sl_coverage (region, compound, building, free_ports, updated_at) VALUES (?, ?, '7', 4, ?)",
        "LK-" + tag, "Manual Court " + tag, OffsetDateTime.now());
    assertThat(get("lkhotline", "/api/coverage?compound=manual court " + tag).getBody())
        .containsEntry("result", "AVAILABLE");
  }

  @Test
  void coverageQuery_400WithoutACompound_403ForGroupsThatDoNotSell() {
    badField("lkhotline", "/api/coverage", "compound");
    badField("lkhotline", "/api/coverage?compound=kd*", "compound");
    badField("lkhotline", "/api/coverage?compound=" + "x".repeat(200), "compound");
    forbidden("lkauditor", "/api/coverage?compound=Wenyuan Garden");
    forbidden("lkbizmgmt", "/api/coverage?compound=Wenyuan Garden");
  }

  // ---- GET /api/coverage/demand

  @Test
  void uncoveredDemandPerBuilding_asJsonCsvAndExcel_withoutPersonalData() throws Exception {
    String region = "LK-" + tag;
    for (int i = 0; i < 2; i++) {
      Map<String, Object> order = broadband(phone);
      order.put("region", region);
      order.put("address", Map.of("compound", "Empty Field " + tag, "building", "9"));
      assertThat(postOrder(order).getBody()).containsEntry("status", "NOT_COVERED");
    }
    Map<String, Object> json = get("lknetwork", "/api/coverage/demand?region=" + region).getBody();
    assertThat(list(json, "buildings")).singleElement().satisfies(b -> assertThat(b)
        .containsEntry("region", region).containsEntry("compound", "Empty Field " + tag)
        .containsEntry("building", "9").containsEntry("result", "NOT_COVERED").containsEntry("requests", 2));
    assertThat(json.toString()).doesNotContain(phone);

    ResponseEntity<byte[]> csv = download("lksupervisor", "/api/coverage/demand?region=" + region, "text/csv");
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("coverage-demand.csv");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv.getBody()), StandardCharsets.UTF_8)).getRecords();
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.get("compound")).isEqualTo("Empty Field " + tag);
      assertThat(r.get("requests")).isEqualTo("2");
    });

    ResponseEntity<byte[]> xlsx = download("lkauditor", "/api/coverage/demand?region=" + region + "&format=xlsx", null);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("requests");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Empty Field " + tag);
      assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2.0);
    }
    assertThat(list(get("lknetwork", "/api/coverage/demand?region=" + region + "&from=2020-01-01&to=2020-02-01")
        .getBody(), "buildings")).isEmpty();
  }

  @Test
  void demand_400ForBadInput_403ForGroupsThatDoNotPlanTheNetwork() {
    badField("lknetwork", "/api/coverage/demand?format=pdf", "format");
    badField("lknetwork", "/api/coverage/demand?from=yesterday", "from");
    badField("lknetwork", "/api/coverage/demand?from=2026-11-02&to=2026-11-01", "to");
    forbidden("lkhotline", "/api/coverage/demand");
    forbidden("lkchannel", "/api/coverage/demand?format=csv");
  }

  // ---- GET /api/reports/hall-installations

  @Test
  void theHallReportCountsAcceptedInstallationsWithTheirCoefficientAndRevenueRegion() throws Exception {
    String hall = "Report Hall " + tag;
    hallOrder(phone, hall);
    hallOrder("137" + tag + "999", hall);
    Map<String, Object> report = get("lkhall", "/api/reports/hall-installations?month=2026-11&hall=" + hall).getBody();
    assertThat(report).containsEntry("from", "2026-11").containsEntry("to", "2026-11");
    assertThat(list(report, "rows")).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("month", "2026-11").containsEntry("businessHall", hall)
        .containsEntry("hallRegion", "Hangzhou-Gongshu").containsEntry("revenueRegion", "Hangzhou-Xihu")
        .containsEntry("accepted", 2).containsEntry("installed", 0)
        .containsEntry("volumeCoefficient", "2").containsEntry("weightedVolume", "4"));
    assertThat(list(get("lkauditor", "/api/reports/hall-installations?from=2026-09&to=2026-10&hall=" + hall)
        .getBody(), "rows")).isEmpty();

    ResponseEntity<byte[]> csv = download("lksupervisor",
        "/api/reports/hall-installations?month=2026-11&hall=" + hall + "&format=csv", null);
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv.getBody()), StandardCharsets.UTF_8)).getRecords();
    assertThat(records).singleElement().satisfies(r -> assertThat(r.get("weightedVolume")).isEqualTo("4"));
  }

  @Test
  void hallReport_400ForBadMonths_403ForOthers() {
    badField("lkhall", "/api/reports/hall-installations", "month");
    badField("lkhall", "/api/reports/hall-installations?month=2026-13", "month");
    badField("lkhall", "/api/reports/hall-installations?from=2026-11&to=2026-09", "to");
    badField("lkhall", "/api/reports/hall-installations?from=2025-01&to=2026-11", "to");
    forbidden("lkinstaller", "/api/reports/hall-installations?month=2026-11");
    forbidden("lkhotline", "/api/reports/hall-installations?month=2026-11");
  }

  // ---- helpers

  String hallOrder(String customerPhone, String hall) {
    Map<String, Object> json = broadband(customerPhone);
    json.put("channel", "BUSINESS_HALL");
    json.put("businessHall", hall);
    json.put("hallRegion", "Hangzhou-Gongshu");
    json.put("payment", Map.of("method", "POS", "amount", 300, "invoiceNo", "INV-" + tag, "customerSigned", true));
    ResponseEntity<Map<String, Object>> response = postOrder(json);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("orderNo");
  }

  Map<String, Object> broadband(String customerPhone) {
    Map<String, Object> json = new HashMap<>();
    json.put("channel", "HOTLINE_400");
    json.put("customerPhone", customerPhone);
    json.put("customerName", "Li Lei");
    json.put("region", "Hangzhou-Xihu");
    json.put("address", Map.of("compound", "Wenyuan Garden", "building", "1", "room", "301"));
    json.put("package", "100M");
    json.put("constructionMode", "SELF_BUILT");
    json.put("acceptedAt", "2026-11-18T15:30+08:00");
    return json;
  }

  ResponseEntity<Map<String, Object>> postOrder(Map<String, Object> json) {
    return rest.withBasicAuth("demo", "demo").exchange("/api/broadband-orders", HttpMethod.POST, json(json), JSON);
  }

  String faultReport(String customerPhone) {
    Map<String, Object> json = new HashMap<>();
    json.put("customerPhone", customerPhone);
    json.put("customerName", "Han Meimei");
    json.put("region", "Hangzhou-Xihu");
    json.put("area", "URBAN");
    json.put("service", "BROADBAND");
    json.put("channel", "HOTLINE");
    json.put("description", "no internet");
    json.put("receivedAt", "2026-11-20T17:00+08:00");
    ResponseEntity<Map<String, Object>> response =
        rest.withBasicAuth("demo", "demo").exchange("/api/fault-reports", HttpMethod.POST, json(json), JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("orderNo");
  }

  String complaint(String customerPhone) {
    Map<String, Object> json = new HashMap<>();
    json.put("customerPhone", customerPhone);
    json.put("customerName", "张三");
    json.put("customerSegment", "PUBLIC");
    json.put("customerTier", "GOLD");
    json.put("region", "浦东");
    json.put("channel", "HOTLINE");
    json.put("category", "BILLING");
    json.put("description", "话费多扣");
    json.put("billingMonth", "2026-10");
    json.put("disputedAmount", 12.5);
    ResponseEntity<Map<String, Object>> response =
        rest.withBasicAuth("demo", "demo").exchange("/api/complaints", HttpMethod.POST, json(json), JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("orderNo");
  }

  void importCoverage(String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    assertThat(rest.withBasicAuth("demo", "demo").exchange("/api/coverage", HttpMethod.POST,
        new HttpEntity<>(csv, headers), JSON).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  ResponseEntity<Map<String, Object>> get(String user, String url) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(url, HttpMethod.GET, null, JSON);
  }

  ResponseEntity<byte[]> download(String user, String url, String accept) {
    HttpHeaders headers = new HttpHeaders();
    if (accept != null) {
      headers.set(HttpHeaders.ACCEPT, accept);
    }
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response;
  }

  void forbidden(String user, String url) {
    ResponseEntity<Map<String, Object>> response = get(user, url);
    assertThat(response.getStatusCode()).as(user + " " + url).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) response.getBody().get("message")).contains(user).contains("may not");
  }

  void notFound(String user, String url) {
    ResponseEntity<Map<String, Object>> response = get(user, url);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat((String) response.getBody().get("message")).startsWith("No ");
  }

  void badField(String user, String url, String field) {
    ResponseEntity<Map<String, Object>> response = get(user, url);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(list(response.getBody(), "errors")).extracting(e -> e.get("field")).contains(field);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> body, String key) {
    return (List<Map<String, Object>>) body.get(key);
  }

  static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
