package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's endpoints over HTTP: at-risk orders per group with their tasks, aging, workload, breaches, exports. */
@ServiceLoopTest
class DashboardApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  static final String REGION = "KPI测试区-dash";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  TestFacts facts;
  String breached;
  String atRisk;
  String closed;

  @BeforeEach
  void setUp() {
    TestUsers.ensure(identity, "dbauditor", "auditors");
    TestUsers.ensure(identity, "dbsupervisor", "service-supervision");
    TestUsers.ensure(identity, "dbhotline", "hotline");
    TestUsers.ensure(identity, "dbchannel", "dept-channel-service");
    facts = new TestFacts(jdbc, REGION);
    clear();
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
    breached = facts.complaint("BILLING").received(iso(now.minusDays(10))).firstContactDue(iso(now.minusHours(2)))
        .set("responsible_group", "dept-channel-service").set("customer_name", "王五").insert();
    atRisk = facts.faultRepair().received(iso(now.minusHours(2))).firstContact(iso(now.minusHours(1)), true)
        .set("closure_due", now.plusHours(1)).set("responsible_group", "hotline").insert();
    facts.installation().received(iso(now.minusHours(1))).set("installation_due", now.plusDays(3)).insert();
    closed = facts.complaint("BILLING").received(iso(now.minusDays(40))).firstContactDue(iso(now.minusDays(39)))
        .closed(iso(now.minusDays(20)), false).insert();
    long id = jdbc.queryForObject("SELECT id FROM sl_work_order WHERE order_no = ?", Long.class, breached);
    jdbc.update("INSERT INTO sl_breach (work_order_id, reason, deadline, detected_at) VALUES (?, 'FIRST_CONTACT', ?, ?)",
        id, OffsetDateTime.parse("2026-10-14T10:00+08:00"), OffsetDateTime.parse("2026-10-14T10:01+08:00"));
    jdbc.update("INSERT INTO sl_breach (work_order_id, reason, deadline, detected_at) VALUES (?, 'CLOSURE', ?, ?)",
        id, OffsetDateTime.parse("2026-11-30T23:00+08:00"), OffsetDateTime.parse("2026-11-30T23:59+08:00"));
  }

  @AfterEach
  void clear() {
    jdbc.update("DELETE FROM sl_breach WHERE work_order_id IN (SELECT id FROM sl_work_order WHERE region = ?)", REGION);
    facts.clear();
  }

  static String iso(OffsetDateTime at) {
    return at.withNano(0).toString();
  }

  @Test
  void ordersBreachedAndAtRiskNow_perGroup_andNotTheClosedOrTheFarOnes() {
    Map<String, Object> body = get("dbauditor", "/api/dashboard/at-risk?region=" + REGION).getBody();
    List<Map<String, Object>> orders = list(body, "orders");
    assertThat(orders).extracting(o -> o.get("orderNo")).containsExactly(breached, atRisk);
    assertThat(orders.get(0)).containsEntry("state", "BREACHED").containsEntry("deadline", "firstContact")
        .containsEntry("group", "dept-channel-service").containsEntry("page", "/kpi/history.html?order=" + breached);
    assertThat((String) orders.get(0).get("due")).endsWith("+08:00");
    assertThat(((Number) orders.get(0).get("minutesLeft")).longValue()).isBetween(-125L, -115L);
    assertThat(orders.get(1)).containsEntry("state", "AT_RISK").containsEntry("deadline", "closure")
        .containsEntry("group", "hotline");
    assertThat(list(body, "groups")).containsExactly(
        Map.of("group", "dept-channel-service", "breached", 1, "atRisk", 0),
        Map.of("group", "hotline", "breached", 0, "atRisk", 1));
    assertThat(body.toString()).doesNotContain("王五");          // no personal data on the dashboard
    // a narrower warning window: only the breached one
    assertThat(list(get("dbsupervisor", "/api/dashboard/at-risk?withinHours=0&region=" + REGION).getBody(), "orders"))
        .extracting(o -> o.get("orderNo")).containsExactly(breached);
  }

  @Test
  void anOrderAtRiskLinksToItsTaskInTasklist_withTheTasksCandidateGroup() {
    Map<String, Object> intake = new HashMap<>();
    intake.put("customerPhone", "13700004321");
    intake.put("customerName", "赵六");
    intake.put("customerSegment", "PUBLIC");
    intake.put("customerTier", "STANDARD");
    intake.put("region", REGION);
    intake.put("channel", "HOTLINE");
    intake.put("category", "PRODUCT");
    intake.put("description", "套餐说明不清");
    intake.put("productName", "畅享套餐");
    ProcessInstance complaint = runtimeService.startProcessInstanceByKey("complaint-handling", intake);
    try {
      String orderNo = (String) runtimeService.getVariable(complaint.getId(), "orderNo");
      var task = taskService.createTaskQuery().processInstanceId(complaint.getId()).singleResult();
      Map<String, Object> body = get("dbsupervisor", "/api/dashboard/at-risk?withinHours=72&region=" + REGION).getBody();
      Map<String, Object> order = list(body, "orders").stream().filter(o -> orderNo.equals(o.get("orderNo")))
          .findFirst().orElseThrow();
      List<Map<String, Object>> tasks = list(order, "tasks");
      assertThat(tasks).singleElement().satisfies(t -> assertThat(t).containsEntry("id", task.getId())
          .containsEntry("name", task.getName())
          .containsEntry("url", "/camunda/app/tasklist/default/#/?task=" + task.getId()));
      assertThat(order.get("group")).isEqualTo(tasks.get(0).get("group")).isNotNull();
    } finally {
      runtimeService.deleteProcessInstance(complaint.getId(), "test over");
    }
  }

  @Test
  void theAtRiskListDownloadsAsCsvAndExcel_withTheSameFigures() throws Exception {
    ResponseEntity<byte[]> csv = download("dbauditor", "/api/dashboard/at-risk?region=" + REGION + "&format=csv");
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new java.io.StringReader(new String(csv.getBody(), StandardCharsets.UTF_8).replace("\uFEFF", "")))
        .getRecords();
    assertThat(records).extracting(r -> r.get("orderNo")).containsExactly(breached, atRisk);
    assertThat(records.get(0).get("state")).isEqualTo("BREACHED");
    assertThat(records.get(0).get("group")).isEqualTo("dept-channel-service");

    ResponseEntity<byte[]> xlsx = download("dbauditor", "/api/dashboard/at-risk?region=" + REGION + "&format=xlsx");
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("orders-at-risk.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("orderNo");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(breached);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(atRisk);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
    }
  }

  @Test
  void agingBucketsOfOpenOrders() throws Exception {
    Map<String, Object> body = get("dbauditor", "/api/dashboard/aging?region=" + REGION).getBody();
    assertThat(body.get("buckets")).isEqualTo(List.of("<1d", "1-3d", "3-7d", "7-30d", ">30d"));
    List<Map<String, Object>> rows = list(body, "rows");
    assertThat(rows).extracting(r -> r.get("type")).containsExactly("COMPLAINT", "FAULT_REPAIR", "INSTALLATION");
    assertThat(rows.get(0)).containsEntry("7-30d", 1).containsEntry("total", 1);   // the closed one is not open
    assertThat(rows.get(1)).containsEntry("<1d", 1).containsEntry("total", 1);
    ResponseEntity<byte[]> xlsx = download("dbsupervisor", "/api/dashboard/aging?region=" + REGION + "&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Row complaints = workbook.getSheetAt(0).getRow(1);
      assertThat(complaints.getCell(0).getStringCellValue()).isEqualTo("COMPLAINT");
      assertThat(complaints.getCell(4).getNumericCellValue()).isEqualTo(1.0);
    }
  }

  @Test
  void breachesPerMonthAndReason_inOneAnswer() throws Exception {
    Map<String, Object> body = get("dbauditor", "/api/dashboard/breaches?from=2026-10&to=2026-11&region=" + REGION)
        .getBody();
    assertThat(body.get("months")).isEqualTo(List.of("2026-10", "2026-11"));
    assertThat(list(body, "reasons")).containsExactly(
        Map.of("reason", "CLOSURE", "counts", List.of(0, 1)),
        Map.of("reason", "FIRST_CONTACT", "counts", List.of(1, 0)));
    assertThat(body.get("total")).isEqualTo(List.of(1, 1));
    ResponseEntity<byte[]> csv = download("dbauditor",
        "/api/dashboard/breaches?from=2026-10&to=2026-11&region=" + REGION + "&format=csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).contains("reason,2026-10,2026-11").contains("FIRST_CONTACT,1,0").contains("total,1,1");
  }

  @Test
  void workloadPerGroupAndPerInstaller_fromTheOpenTasks() {
    Map<String, Object> body = get("dbauditor", "/api/dashboard/workload").getBody();
    List<Map<String, Object>> groups = list(body, "groups");
    assertThat(groups).extracting(g -> g.get("group")).contains("hotline", "installers-own", "service-supervision");
    assertThat(groups).allSatisfy(g -> assertThat(((Number) g.get("open")).intValue())
        .isGreaterThanOrEqualTo(((Number) g.get("overdue")).intValue()));
    assertThat(body).containsKey("installers");
    assertThat(new String(download("dbauditor", "/api/dashboard/workload?by=group&format=csv").getBody(),
        StandardCharsets.UTF_8)).contains("group,name,open,overdue,unassigned").contains("hotline,");
  }

  @Test
  void theKpiFiguresDownload_asCsvAndExcel() throws Exception {
    String period = "from=2026-11-01&to=2026-12-01&region=" + REGION;
    String csv = new String(download("dbauditor", "/api/dashboard/kpis?" + period + "&format=csv").getBody(),
        StandardCharsets.UTF_8);
    assertThat(csv).contains("timelyHandlingRate").contains("工单处理及时率");
    ResponseEntity<byte[]> trend = download("dbauditor", "/api/dashboard/kpi-trend?" + period + "&format=xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(trend.getBody()))) {
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-11");
    }
    assertThat(new String(download("dbauditor", "/api/dashboard/kpis/timelyHandlingRate/orders?"
        + "from=2026-01-01&to=2027-01-01&region=" + REGION + "&format=csv").getBody(), StandardCharsets.UTF_8))
        .startsWith("\uFEFForderNo,orderType");
  }

  @Test
  void badInputIs400_othersThanTheDepartmentAre403() {
    badField("dbauditor", "/api/dashboard/at-risk?withinHours=soon", "withinHours");
    badField("dbauditor", "/api/dashboard/at-risk?withinHours=1000", "withinHours");
    badField("dbauditor", "/api/dashboard/aging?format=pdf", "format");
    badField("dbauditor", "/api/dashboard/breaches?from=2026-13", "from");
    badField("dbauditor", "/api/dashboard/breaches?from=2026-11&to=2026-10", "to");
    badField("dbauditor", "/api/dashboard/workload?by=desk", "by");
    badField("dbauditor", "/api/dashboard/kpis?from=2026-11-01&to=2026-12-01", "format");
    badField("dbauditor", "/api/dashboard/kpis/nope/orders?from=2026-11-01&to=2026-12-01&format=csv", "id");
    for (String url : List.of("/api/dashboard/at-risk", "/api/dashboard/aging", "/api/dashboard/workload",
        "/api/dashboard/breaches", "/api/dashboard/kpis?from=2026-11-01&to=2026-12-01&format=csv")) {
      ResponseEntity<Map<String, Object>> answer = get("dbhotline", url);
      assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat((String) answer.getBody().get("message")).contains("dbhotline");
    }
  }

  @Test
  void theOrderPageShowsAnyOrder_andSaysWhyItsHistoryIsHidden() {
    Map<String, Object> order = get("dbchannel", "/api/work-orders/" + closed).getBody();
    assertThat(order).containsEntry("orderNo", closed).containsEntry("status", "CLOSED")
        .containsEntry("closureOnTime", false).containsEntry("process", "complaint-handling")
        .containsEntry("historyReadable", false).containsKey("firstContactDue").containsKey("breaches")
        .containsKey("escalations");
    assertThat((String) order.get("customerPhone")).contains("****");     // a department: masked
    assertThat((String) get("dbhotline", "/api/work-orders/" + closed).getBody().get("customerPhone"))
        .doesNotContain("*");

    ResponseEntity<Map<String, Object>> hidden = get("dbchannel", "/api/work-orders/" + closed + "/history");
    assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) hidden.getBody().get("message")).contains("READ_HISTORY").contains("complaint-handling");
    assertThat(get("dbauditor", "/api/work-orders/" + closed + "/history").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("dbauditor", "/api/work-orders/" + closed).getBody()).containsEntry("historyReadable", true);
    assertThat(get("dbauditor", "/api/work-orders/order42").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("dbauditor", "/api/work-orders/CMP-999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  ResponseEntity<Map<String, Object>> get(String user, String url) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(url, HttpMethod.GET, null, JSON);
  }

  ResponseEntity<byte[]> download(String user, String url) {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange(url, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), byte[].class);
    assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    return response;
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
}
