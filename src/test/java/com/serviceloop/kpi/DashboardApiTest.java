package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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

  /**
   * Every figure of the dashboard, downloaded as CSV and as Excel: the file's type and name, its header row, the
   * same cells in both files, a figure equal to the one the JSON answer (what the page draws) gives, and 403
   * for a hotline agent.
   */
  @Test
  void everyFigureDownloadsAsCsvAndExcel_withTheFiguresOfItsJson() throws Exception {
    LocalDate today = LocalDate.now(SHANGHAI);
    String period = "from=" + today.minusDays(60) + "&to=" + today.plusDays(1);

    // orders at risk and breached now
    Table risk = figure("/api/dashboard/at-risk?region=" + REGION, "orders-at-risk",
        "orderNo", "type", "category", "region", "group", "state", "deadline", "due", "minutesLeft", "task", "taskUrl");
    List<Map<String, Object>> riskJson = list(get("dbauditor", "/api/dashboard/at-risk?region=" + REGION).getBody(),
        "orders");
    assertThat(risk.column("orderNo")).isEqualTo(riskJson.stream().map(o -> o.get("orderNo")).toList());
    assertThat(risk.cell(breached, "state")).isEqualTo(riskJson.get(0).get("state")).isEqualTo("BREACHED");
    assertThat(risk.cell(breached, "due")).isEqualTo(riskJson.get(0).get("due"));

    // aging of open orders
    Table aging = figure("/api/dashboard/aging?region=" + REGION, "open-orders-aging",
        "type", "<1d", "1-3d", "3-7d", "7-30d", ">30d", "total");
    Map<String, Object> complaints = list(get("dbauditor", "/api/dashboard/aging?region=" + REGION).getBody(), "rows")
        .get(0);
    assertSameNumber(aging.cell("COMPLAINT", "7-30d"), complaints.get("7-30d"), 1);
    assertSameNumber(aging.cell("FAULT_REPAIR", "total"), 1, 1);

    // the breach trend
    Table breaches = figure("/api/dashboard/breaches?from=2026-10&to=2026-11&region=" + REGION,
        "breaches-2026-10-2026-11", "reason", "2026-10", "2026-11");
    Map<String, Object> breachJson = get("dbauditor", "/api/dashboard/breaches?from=2026-10&to=2026-11&region="
        + REGION).getBody();
    assertSameNumber(breaches.cell("total", "2026-11"), ((List<?>) breachJson.get("total")).get(1), 1);
    assertSameNumber(breaches.cell("FIRST_CONTACT", "2026-10"), 1, 1);

    // workload per group and per installer
    Table groups = figure("/api/dashboard/workload?by=group", "workload-groups",
        "group", "name", "open", "overdue", "unassigned");
    Map<String, Object> hotline = list(get("dbauditor", "/api/dashboard/workload?by=group").getBody(), "groups")
        .stream().filter(g -> "hotline".equals(g.get("group"))).findFirst().orElseThrow();
    assertSameNumber(groups.cell("hotline", "open"), hotline.get("open"), null);
    Table installers = figure("/api/dashboard/workload?by=installer", "workload-installers",
        "installer", "group", "open", "overdue");
    List<Map<String, Object>> installerJson = list(get("dbauditor", "/api/dashboard/workload?by=installer")
        .getBody(), "installers");
    assertThat(installers.column("installer")).isEqualTo(installerJson.stream().map(i -> i.get("installer")).toList());
    for (Map<String, Object> installer : installerJson) {
      assertSameNumber(installers.cell((String) installer.get("installer"), "open"), installer.get("open"), null);
    }

    // the KPIs against their targets
    Table kpiTable = figure("/api/dashboard/kpis?" + period + "&region=" + REGION, "kpis-" + today.minusDays(60)
        + "-" + today.plusDays(1), "from", "to", "region", "id", "name", "unit", "value", "numerator", "denominator",
        "target", "met");
    Map<String, Object> escalation = kpi(list(get("dbauditor", "/api/kpis?" + period + "&region=" + REGION)
        .getBody(), "kpis"), "escalationRate");
    // received in the period: the breached, the at-risk, the installation and the closed complaint
    assertSameNumber(kpiTable.cell("escalationRate", "denominator"), escalation.get("denominator"), 4);
    assertThat(kpiTable.cell("timelyHandlingRate", "target")).isEqualTo(">= 0.96");

    // the KPIs by region (the by-region chart): the region's row of every KPI
    Table byRegion = figure("/api/dashboard/kpis?" + period + "&groupBy=region", "kpis-by-region-"
        + today.minusDays(60) + "-" + today.plusDays(1), "region", "id", "name", "unit", "value", "numerator",
        "denominator", "target", "met");
    Map<String, Object> regionJson = list(get("dbauditor", "/api/kpis?" + period + "&groupBy=region").getBody(),
        "groups").stream().filter(g -> REGION.equals(g.get("key"))).findFirst().orElseThrow();
    List<List<String>> regionRows = byRegion.rows().stream().filter(r -> REGION.equals(r.get(0))).toList();
    assertThat(regionRows).extracting(r -> r.get(1))
        .isEqualTo(list(regionJson, "kpis").stream().map(k -> k.get("id")).toList());
    Table regionOnly = new Table(byRegion.header(), regionRows);
    assertSameNumber(regionOnly.cell("escalationRate", "denominator"),
        kpi(list(regionJson, "kpis"), "escalationRate").get("denominator"), 4);
    assertSameNumber(regionOnly.cell("timelyHandlingRate", "denominator"),
        kpi(list(regionJson, "kpis"), "timelyHandlingRate").get("denominator"), 1);
    assertThat(byRegion.column("region")).contains(REGION).doesNotContainNull();

    // each KPI's monthly trend
    Table trend = figure("/api/dashboard/kpi-trend?" + period + "&region=" + REGION, "kpi-trend-"
        + today.minusDays(60) + "-" + today.plusDays(1), "month", "id", "name", "unit", "value", "numerator",
        "denominator", "target", "met");
    List<Map<String, Object>> trendJson = list(get("dbauditor", "/api/kpis?" + period + "&region=" + REGION
        + "&groupBy=month").getBody(), "groups");
    assertThat(trend.rows()).hasSize(trendJson.size() * Kpi.values().length);
    String month = YearMonth.from(today).toString();
    Map<String, Object> thisMonth = trendJson.stream().filter(g -> month.equals(g.get("key"))).findFirst()
        .orElseThrow();
    Table monthOnly = new Table(trend.header(), trend.rows().stream().filter(r -> month.equals(r.get(0))).toList());
    assertSameNumber(monthOnly.cell("escalationRate", "denominator"),
        kpi(list(thisMonth, "kpis"), "escalationRate").get("denominator"), null);
    assertThat(figure("/api/dashboard/kpis?" + period + "&region=" + REGION + "&groupBy=month", "kpi-trend-"
        + today.minusDays(60) + "-" + today.plusDays(1), trend.header().toArray(String[]::new)).rows())
        .isEqualTo(trend.rows());

    // the work orders behind a KPI (the drill-down's order list)
    Table orders = figure("/api/dashboard/kpis/escalationRate/orders?" + period + "&region=" + REGION,
        "escalationRate-orders-" + today.minusDays(60) + "-" + today.plusDays(1), "orderNo", "orderType", "category",
        "channel", "region", "receivedAt", "closedAt", "numeratorValue");
    List<Map<String, Object>> orderJson = list(get("dbauditor", "/api/kpis/escalationRate/orders?" + period
        + "&region=" + REGION).getBody(), "orders");
    assertThat(orders.column("orderNo")).isEqualTo(orderJson.stream().map(o -> o.get("orderNo")).toList())
        .contains(breached, atRisk, closed);
    assertThat(orders.cell(closed, "closedAt")).endsWith("+08:00");

    badField("dbauditor", "/api/dashboard/kpis?" + period + "&groupBy=desk&format=csv", "groupBy");
  }

  static Map<String, Object> kpi(List<Map<String, Object>> kpis, String id) {
    return kpis.stream().filter(k -> id.equals(k.get("id"))).findFirst().orElseThrow();
  }

  static void assertSameNumber(String cell, Object json, Integer expected) {
    assertThat(new BigDecimal(cell)).as("file cell against JSON " + json).isEqualByComparingTo(json.toString());
    if (expected != null) {
      assertThat(new BigDecimal(cell)).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }
  }

  /** A downloaded table: its header and rows as text (numbers as the file writes them). */
  record Table(List<String> header, List<List<String>> rows) {
    List<String> column(String name) {
      int c = header.indexOf(name);
      return rows.stream().map(r -> r.get(c)).toList();
    }

    /** The cell of the row whose first cell (or, for a KPI table, id) is key. */
    String cell(String key, String column) {
      int keyColumn = header.contains("id") ? header.indexOf("id") : 0;
      return rows.stream().filter(r -> key.equals(r.get(keyColumn))).findFirst()
          .map(r -> r.get(header.indexOf(column))).orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
    }
  }

  /**
   * Downloads a figure as CSV and as Excel: their content types and file names, the header row, the same cells in
   * both, and 403 for a hotline agent. Answers the CSV's table.
   */
  Table figure(String url, String filename, String... header) throws Exception {
    String join = url.contains("?") ? "&" : "?";
    ResponseEntity<byte[]> csv = download("dbauditor", url + join + "format=csv");
    assertThat(csv.getHeaders().getContentType()).as(url).hasToString("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(filename + ".csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).as("a byte-order mark for Excel").startsWith("\uFEFF");
    List<CSVRecord> records = CSVFormat.DEFAULT.parse(new java.io.StringReader(text.substring(1))).getRecords();
    Table fromCsv = new Table(records.get(0).toList(),
        records.subList(1, records.size()).stream().map(CSVRecord::toList).toList());
    assertThat(fromCsv.header()).as(url).containsExactly(header);

    ResponseEntity<byte[]> xlsx = download("dbsupervisor", url + join + "format=xlsx");
    assertThat(xlsx.getHeaders().getContentType()).as(url)
        .hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo(filename + ".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
          Cell cell = row == null ? null : row.getCell(c);
          cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
              ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
              : cell.getCellType() == CellType.BOOLEAN ? String.valueOf(cell.getBooleanCellValue())
              : cell.getStringCellValue());
        }
        rows.add(cells);
      }
      assertThat(rows.get(0)).as(url).containsExactly(header);
      assertThat(rows).as(url).hasSize(fromCsv.rows().size() + 1);
      for (int r = 1; r < rows.size(); r++) {
        for (int c = 0; c < header.length; c++) {
          String inCsv = fromCsv.rows().get(r - 1).get(c);
          String inXlsx = rows.get(r).get(c);
          if (header[c].equals("minutesLeft")) {
            continue;   // counts down between the two downloads
          }
          if (inCsv.matches("-?\\d+(\\.\\d+)?") && !inCsv.equals(inXlsx)) {
            // a numeric cell is a double: equal to the CSV's decimal to the double's precision
            assertThat(Double.parseDouble(inXlsx)).as(url + " row " + r + " " + header[c])
                .isCloseTo(Double.parseDouble(inCsv), org.assertj.core.data.Offset.offset(1e-9));
          } else {
            assertThat(inXlsx).as(url + " row " + r + " " + header[c]).isEqualTo(inCsv);
          }
        }
      }
    }

    ResponseEntity<Map<String, Object>> refused = get("dbhotline", url + join + "format=csv");
    assertThat(refused.getStatusCode()).as(url).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("message")).contains("dbhotline");
    return fromCsv;
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
