package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI dashboard in a real headless Chromium (Debian's chromium + chromium-driver; .ci/run installs
 * them). Skipped, with a message, where they are absent. The login: HTTP Basic, sent by Chromium on
 * every request through the DevTools protocol's extra headers.
 */
@ServiceLoopTest
@Tag("browser")
class KpiDashboardBrowserTest {

  static final String REGION = "KPI测试区-browser";
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.IdentityService identity;
  TestFacts facts;
  ChromeDriver browser;

  @BeforeEach
  void setUp() {
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
  }

  @AfterEach
  void tearDown() {
    if (browser != null) {
      browser.quit();
    }
    facts.clear();
  }

  @Test
  void theDashboardNeedsALogin() {
    var challenge = rest.getForEntity("/kpi/", String.class);
    assertThat(challenge.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a browser asks for the login itself
    assertThat(challenge.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(rest.getForEntity("/kpi/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/kpi/kpi.js", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var page = rest.withBasicAuth("demo", "demo").getForEntity("/kpi/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("/webjars/echarts/5.5.0/echarts.min.js");
    assertThat(rest.getForEntity("/webjars/echarts/5.5.0/echarts.min.js", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void showsKpisAgainstTargetsChartsAndTheOrdersBehindAKpi() throws Exception {
    Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "No headless browser here: install Debian's chromium and chromium-driver (apt-get install -y chromium "
            + "chromium-driver; .ci/run does) to run the KPI dashboard's browser test");
    facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).set("process_instance_id", "pi-browser-1").insert();
    facts.complaint("BILLING").closed("2026-11-06T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-11-07T10:00+08:00", true).insert();
    facts.faultRepair().closed("2026-11-08T10:00+08:00", false).insert();

    browser = startBrowser("demo", "demo");
    browser.get("http://localhost:" + port + "/kpi/?from=2026-11-01&to=2026-12-01&region="
        + URLEncoder.encode(REGION, StandardCharsets.UTF_8));
    browser.findElement(By.cssSelector("body[data-loaded='true']"));

    WebElement timely = browser.findElement(By.cssSelector("tr.kpi[data-kpi='timelyHandlingRate']"));
    List<WebElement> cells = timely.findElements(By.tagName("td"));
    assertThat(cells.get(0).getText()).isEqualTo("工单处理及时率 Timely handling rate");
    assertThat(cells.get(1).getText()).isEqualTo("75.0%");
    assertThat(cells.get(2).getText()).isEqualTo(">= 96.0%");
    assertThat(cells.get(3).getText()).isEqualTo("未达标 Missed");
    assertThat(browser.findElement(By.cssSelector("tr.kpi[data-kpi='satisfactionRate'] td:nth-child(4)")).getText())
        .isEqualTo("无分母 No denominator");

    // charts drawn by ECharts: the monthly trend and the breakdown by region
    assertThat(browser.findElements(By.cssSelector("#trend canvas"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#byRegion canvas"))).isNotEmpty();
    assertThat(browser.executeScript(
        "return echarts.getInstanceByDom(document.getElementById('trend')).getOption().xAxis[0].data"))
        .isEqualTo(List.of("2026-11"));
    assertThat(browser.executeScript(
        "return echarts.getInstanceByDom(document.getElementById('byRegion')).getOption().xAxis[0].data"))
        .isEqualTo(List.of(REGION));

    // every figure offers CSV and Excel: at-risk, aging, breaches, workload ×2, KPIs, KPI trend, by region;
    // the by-region chart's CSV holds the figures the chart draws
    assertThat(browser.findElements(By.cssSelector(".exports[data-export] a.csv"))).hasSize(8);
    assertThat(browser.findElements(By.cssSelector(".exports[data-export] a.xlsx"))).hasSize(8);
    String byRegionCsv = browser.findElement(By.cssSelector(
        ".exports[data-export='/api/dashboard/kpis?groupBy=region'] a.csv")).getAttribute("href");
    String regions = (String) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
        byRegionCsv);
    assertThat(regions).contains("region,id,name,unit,value,numerator,denominator,target,met")
        .contains(REGION + ",timelyHandlingRate,工单处理及时率 Timely handling rate,RATIO,0.75,3,4,>= 0.96,false");

    // the orders behind the KPI, each linked to its own page; closed, so no Cockpit link (Cockpit CE shows
    // running instances only: the link was dead for every closed order)
    timely.click();
    browser.findElement(By.cssSelector("#orders tbody tr.order"));
    List<WebElement> orders = browser.findElements(By.cssSelector("#orders tbody tr.order"));
    assertThat(orders).hasSize(4);
    assertThat(browser.findElement(By.cssSelector("#orders a")).getAttribute("href")).contains("/kpi/history.html?order=");
    assertThat(browser.findElements(By.cssSelector("#orders a.cockpit"))).isEmpty();
    // for a human look: target/kpi-dashboard.png
    java.nio.file.Files.write(java.nio.file.Path.of("target", "kpi-dashboard.png"),
        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    // and to each order's history page (Cockpit's community edition shows running instances only)
    WebElement history = browser.findElement(By.cssSelector("#orders a.history"));
    String orderNo = history.findElement(By.xpath("ancestor::tr/td[1]")).getText();
    history.click();
    browser.findElement(By.cssSelector("body[data-loaded='true']"));
    assertThat(browser.findElement(By.id("orderNo")).getText()).isEqualTo(orderNo);
    assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
    assertThat(browser.findElement(By.id("summary")).getText()).contains("COMPLAINT");
    assertThat(browser.findElement(By.id("breaches")).getText()).contains("No breaches");
    assertThat(browser.findElement(By.id("returnVisits")).getText()).contains("No return visit");
    // the facts of this test carry no deadlines (the SLA clocks are tested over HTTP in SlaTimelineHttpTest)
    assertThat(browser.findElement(By.id("sla")).getText()).contains("No deadlines on this order");
  }

  @Test
  void anAuditorInLosAngelesSeesTheOrdersAtRiskInBeijingTime_andDownloadsThemAsCsvAndExcel() throws Exception {
    Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "No headless browser here: install Debian's chromium and chromium-driver to run the dashboard's browser test");
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(shanghai).withSecond(0).withNano(0);
    java.time.OffsetDateTime due = now.minusHours(2);
    String breached = facts.complaint("BILLING").received(now.minusDays(3).toString()).firstContactDue(due.toString())
        .set("responsible_group", "dept-channel-service").insert();
    String atRisk = facts.faultRepair().received(now.minusHours(1).toString()).firstContact(now.toString(), true)
        .set("closure_due", now.plusHours(1)).set("responsible_group", "hotline").insert();
    com.serviceloop.installation.TestUsers.ensure(identity, "brauditor", "auditors");

    browser = startBrowser("brauditor", com.serviceloop.installation.TestUsers.PASSWORD);
    // a browser in another zone must still show Beijing time
    browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Los_Angeles"));
    browser.get("http://localhost:" + port + "/kpi/?from=2026-11-01&to=2026-12-01&region="
        + URLEncoder.encode(REGION, StandardCharsets.UTF_8));
    browser.findElement(By.cssSelector("body[data-loaded='true']"));

    List<WebElement> rows = browser.findElements(By.cssSelector("#risk tbody tr.risk-order"));
    assertThat(rows).extracting(r -> r.getAttribute("data-order")).containsExactly(breached, atRisk);
    assertThat(rows.get(0).getAttribute("class")).contains("breached");
    List<WebElement> cells = rows.get(0).findElements(By.tagName("td"));
    assertThat(cells.get(4).getText()).isEqualTo("dept-channel-service");
    assertThat(cells.get(5).getText()).isEqualTo("已超时 Breached");
    assertThat(cells.get(7).getText())
        .isEqualTo(due.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")));
    assertThat(browser.findElements(By.cssSelector("#riskGroups tbody tr"))).hasSize(2);
    assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('trend'))"
        + ".getOption().grid.length")).isEqualTo(10L);  // small multiples: one grid per rate KPI (10 with regulatorReplyInTime)
    java.nio.file.Files.write(java.nio.file.Path.of("target", "kpi-dashboard-at-risk.png"),
        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    // the downloads the page offers parse back to the orders it shows
    String csvUrl = browser.findElement(By.cssSelector("#riskSection .exports a.csv")).getAttribute("href");
    String xlsxUrl = browser.findElement(By.cssSelector("#riskSection .exports a.xlsx")).getAttribute("href");
    String csv = (String) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", csvUrl);
    List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.replace("\uFEFF", ""))).getRecords();
    assertThat(records).extracting(r -> r.get("orderNo")).containsExactly(breached, atRisk);
    assertThat(records).extracting(r -> r.get("state")).containsExactly("BREACHED", "AT_RISK");
    String xlsx = (String) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { let s = ''; const a = new Uint8Array(b);"
        + " for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); });", xlsxUrl);
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(Base64.getDecoder().decode(xlsx)))) {
      var sheet = workbook.getSheetAt(0);
      assertThat(List.of(sheet.getRow(1).getCell(0).getStringCellValue(), sheet.getRow(2).getCell(0).getStringCellValue()))
          .containsExactly(breached, atRisk);
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("dept-channel-service");
    }

    // and on to the order's own page, with its deadlines in Beijing time
    rows.get(0).findElement(By.cssSelector("a.order-page")).click();
    browser.findElement(By.cssSelector("body[data-loaded='true']"));
    assertThat(browser.findElement(By.id("orderNo")).getText()).isEqualTo(breached);
    assertThat(browser.findElement(By.cssSelector("#deadlines tr.milestone")).getText())
        .contains(due.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")));
  }

  ChromeDriver startBrowser(String user, String password) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1024");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(20));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
    return driver;
  }
}
