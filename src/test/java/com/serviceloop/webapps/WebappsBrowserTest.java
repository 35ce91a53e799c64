package com.serviceloop.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.security.ServiceLoopGroups;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist and Cockpit in a real headless Chromium (Debian's chromium + chromium-driver; .ci/run installs
 * them), logged in through the web apps' own login page as a hotline agent, an installer and an auditor,
 * with an <em>American English</em> browser: what each of them sees. Screenshots for a human look go to
 * target/webapps-*.png. Skipped, with a message, where Chromium is absent.
 */
@ServiceLoopTest
@Tag("browser")
@EngineClockAt("2020-01-06T17:10+08:00")
class WebappsBrowserTest {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired WebappProperties properties;
  @Autowired WebappTranslations translations;

  ChromeDriver browser;
  Path profile;
  WebappCases cases;
  String region;

  @BeforeEach
  void setUp() throws IOException {
    Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "No headless browser here: install Debian's chromium and chromium-driver (apt-get install -y chromium "
            + "chromium-driver; .ci/run does) to run the web apps' browser test");
    cases = new WebappCases("web", rest, runtimeService, taskService, managementService, identityService, jdbc);
    region = cases.region;
    profile = Files.createTempDirectory("serviceloop-chromium-");
    browser = startBrowser(profile);
  }

  @AfterEach
  void tearDown(org.junit.jupiter.api.TestInfo test) throws IOException {
    if (browser != null) {
      String name = "webapps-last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
      screenshot(name);
      Files.writeString(Path.of("target", name + ".html"), browser.getPageSource());
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    if (cases != null) {
      cases.cleanUp();
    }
  }

  @Test
  void theHotlineAgentSeesTasklistInChineseWithTheComplaintOnItsCard() throws Exception {
    // 首问负责: the complaint's first-contact point (the hotline, for an online complaint) replies to the
    // customer once the responsible department has resolved it
    String orderNo = cases.complaint();
    String pi = cases.started.get(cases.started.size() - 1);
    taskService.complete(cases.task(pi, "Task_FirstContact").getId(), Map.of("contactResult", "REACHED",
        "contactNote", "已与客户通话", "needsOnSiteVisit", false));
    taskService.complete(cases.task(pi, "Task_ResolveComplaint").getId(), Map.of("resolution", "已退还多扣的 30 元",
        "rootCause", "BILLING_ERROR", "responsibleParty", "计费中心", "disputedAmount", 30));
    Task reply = cases.task(pi, "Task_ReplyToCustomer");
    assertThat(cases.candidateGroup(reply)).isEqualTo(ServiceLoopGroups.HOTLINE);
    login("tasklist", cases.staff(ServiceLoopGroups.HOTLINE));

    WebElement card = card(orderNo);
    assertThat(card.getText()).contains(orderNo, "李四", "BILLING", zh("tasklist", "DUE"), reply.getName());
    assertChineseWithTheOperatorsBanner("tasklist", "START_PROCESS");
    screenshot("webapps-tasklist-hotline");

    // the form opens with the case: the complaint and its resolution, read-only
    click(card.findElement(By.cssSelector("h4.task a")));
    WebElement description = waitFor(field("complaint-reply", "description"));
    assertThat(description.getAttribute("value")).isEqualTo("十月账单多扣 30 元短信费");
    assertThat(description.getAttribute("disabled")).isNotNull();
    assertThat(browser.findElement(field("complaint-reply", "resolution")).getAttribute("value"))
        .isEqualTo("已退还多扣的 30 元");
    screenshot("webapps-tasklist-hotline-form");

    // English on request, and back
    browser.findElement(By.id("serviceloop-language")).click();
    waitForText(".ce-eol-banner", properties.bannerEn());
    assertThat(browser.findElement(By.id("serviceloop-language")).getText()).isEqualTo("中文");
    assertThat(bodyText()).contains(translations.webjarLabels("tasklist").path("START_PROCESS").asText());
    browser.findElement(By.id("serviceloop-language")).click();
    waitForText(".ce-eol-banner", properties.bannerZh());
  }

  @Test
  void theInstallerSeesThe400OrderFirst() throws Exception {
    // accepted long ago, so both head the queue's due dates; the website order is due earlier and its
    // install task is the newer one: by due date or by creation (Tasklist's own sorting) it would come first
    String website = cases.installation("WEBSITE", "2020-01-06T09:00+08:00");
    String hotline400 = cases.installation("HOTLINE_400", "2020-01-06T15:30+08:00");
    cases.toInstall(hotline400, "2020-01-07T09:00+08:00");
    cases.toInstall(website, "2020-01-07T09:00+08:00");
    login("tasklist", cases.staff(ServiceLoopGroups.INSTALLERS_OWN));

    WebElement first = card(cases.orderNo(hotline400));
    WebElement second = card(cases.orderNo(website));
    List<WebElement> cards = browser.findElements(By.cssSelector("li.task"));
    assertThat(cards.indexOf(first)).isGreaterThanOrEqualTo(0).isLessThan(cards.indexOf(second));
    assertThat(first.getText()).contains("Li Lei", "100M", region, zh("tasklist", "DUE"));
    assertChineseWithTheOperatorsBanner("tasklist", "START_PROCESS");
    screenshot("webapps-tasklist-installer");

    // the install form: a rescheduled visit asks for the new date as yyyy-mm-dd and a 24-hour time
    click(card(cases.orderNo(hotline400)).findElement(By.cssSelector("h4.task a")));
    click(waitFor(By.cssSelector("button.claim")));
    Task install = taskService.createTaskQuery().processInstanceId(hotline400).singleResult();
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> taskService.createTaskQuery()
        .taskId(install.getId()).taskAssignee(cases.staff(ServiceLoopGroups.INSTALLERS_OWN)).count() == 1);
    click(waitFor(By.cssSelector(".fjs-select-display")));   // installOutcome, a select
    click(waitFor(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '"
        + option("installation-on-site", "installOutcome", "RESCHEDULED") + "')]")));
    WebElement date = waitFor(By.cssSelector(".fjs-datepicker input"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
    assertThat(browser.findElement(By.cssSelector(".fjs-timepicker input")).getAttribute("placeholder")).isEqualTo("hh:mm");
    click(date);
    date.sendKeys("2026-11-25");
    assertThat(date.getAttribute("value")).isEqualTo("2026-11-25");
    screenshot("webapps-tasklist-installer-form");
  }

  @Test
  void theNetworkAgentBooksTheVisitInAChineseCalendar() throws Exception {
    String order = cases.installation("HOTLINE_400", "2020-01-06T15:30+08:00");
    taskService.complete(cases.task(order, "Task_ExtractPreRegistration").getId());
    managementService.executeJob(managementService.createJobQuery().processInstanceId(order)
        .activityId("ServiceTask_EnterOrderInOrderSystem").singleResult().getId());
    Task booking = cases.task(order, "Task_BookAppointment");
    String agent = cases.staff(ServiceLoopGroups.NETWORK);
    login("tasklist", agent);

    click(card(cases.orderNo(order)).findElement(By.cssSelector("h4.task a")));
    click(waitFor(By.cssSelector("button.claim")));
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> taskService.createTaskQuery()
        .taskId(booking.getId()).taskAssignee(agent).count() == 1);
    // the visit's date (appointmentAt, a date and time field): its pop-up calendar
    WebElement date = waitFor(By.cssSelector(".fjs-datepicker input"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
    click(date);
    WebElement calendar = waitFor(By.cssSelector(".flatpickr-calendar.open"));
    List<String> months = calendar.findElements(By.cssSelector("option.flatpickr-monthDropdown-month")).stream()
        .map(o -> o.getAttribute("textContent").trim()).toList();
    assertThat(months).containsExactly("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
        "十一月", "十二月");
    String shown = calendar.findElement(By.cssSelector("select.flatpickr-monthDropdown-months option:checked"))
        .getAttribute("textContent").trim();
    assertThat(shown).isEqualTo(months.get(java.time.LocalDate.now().getMonthValue() - 1));
    List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
        .map(w -> w.getAttribute("textContent").trim()).toList();
    assertThat(weekdays).containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
    assertThat(calendar.getAttribute("textContent")).doesNotContain("January", "December", "Mon", "Sun");
    screenshot("webapps-tasklist-network-calendar");

    // a day picked in the calendar lands in the field as yyyy-mm-dd
    WebElement day = calendar.findElements(By.cssSelector(
            ".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay):not(.flatpickr-disabled)"))
        .stream().filter(d -> "15".equals(d.getText().trim())).findFirst().orElseThrow();
    assertThat(day.getAttribute("aria-label")).as("the day's label, in flatpickr's Chinese").startsWith(shown);
    day.click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> date.getAttribute("value").matches("\\d{4}-\\d{2}-15"));
  }

  @Test
  void theAuditorReadsCockpitInChineseAndHasNoTaskToComplete() throws Exception {
    String orderNo = cases.complaint();
    String auditor = cases.staff(ServiceLoopGroups.AUDITORS);
    login("cockpit", auditor);

    waitFor(By.cssSelector("[cam-widget-header]"));
    waitForText("body", zh("cockpit", "DASHBOARD_PROCESS_DEFINITIONS"));
    assertChineseWithTheOperatorsBanner("cockpit", "DASHBOARD_PROCESS_DEFINITIONS", "DASHBOARD_RUNNING_PROCESS_INSTANCE");
    screenshot("webapps-cockpit-auditor");

    // the processes, read-only: the complaint process is listed with its running instance
    browser.get(base() + "/camunda/app/cockpit/default/#/processes");
    waitForText("body", "投诉处理");
    screenshot("webapps-cockpit-processes");

    // Tasklist is not one of the auditor's apps: the web apps refuse it to the logged-in auditor (403)
    browser.get(base() + "/camunda/app/tasklist/default/");
    waitForText("body", "403");
    assertThat(browser.findElements(By.cssSelector("li.task"))).isEmpty();
    screenshot("webapps-tasklist-auditor");
    // and nothing to complete through the API either
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(orderNo).singleResult();
    assertThat(cases.as(auditor).postForEntity("/engine-rest/task/" + task.getId() + "/complete", WebappCases.json("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // ------------------------------------------------------------------ the browser

  ChromeDriver startBrowser(Path userData) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + userData, "--lang=en-US", "--window-size=1366,900");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(20));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    return driver;
  }

  String base() {
    return "http://localhost:" + port;
  }

  void login(String app, String user) {
    browser.get(base() + "/camunda/app/" + app + "/default/");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    } catch (org.openqa.selenium.TimeoutException stillLoading) {
      // on a loaded machine the first start of an app can stall in the browser; a person presses F5
      browser.navigate().refresh();
      waitFor(By.cssSelector("form[name='signinForm']"));
    }
    // an English browser, yet the login page is Chinese
    assertThat(browser.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
        .isEqualTo(zh(app, "PAGE_LOGIN_USERNAME"));
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    By signin = By.cssSelector("form[name='signinForm']");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(signin));
    } catch (org.openqa.selenium.TimeoutException notSubmitted) {
      // on a loaded machine the click can land before the app listens (CI on 4c790ef); a person presses Enter
      try {
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(org.openqa.selenium.Keys.ENTER);
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException gone) {
        // the first click went through after all
      }
      new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.invisibilityOfElementLocated(signin));
    }
  }

  WebElement card(String orderNo) {
    new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> d.findElements(By.cssSelector("li.task")).stream()
        .anyMatch(li -> li.getText().contains(orderNo)));
    return browser.findElements(By.cssSelector("li.task")).stream().filter(li -> li.getText().contains(orderNo))
        .findFirst().orElseThrow();
  }

  void assertChineseWithTheOperatorsBanner(String app, String... visibleKeys) {
    WebElement banner = browser.findElement(By.cssSelector(".ce-eol-banner"));
    assertThat(banner.getText()).isEqualTo(properties.bannerZh());
    assertThat(browser.getPageSource()).doesNotContain("Camunda 8", "migrating-from-camunda-7");
    String text = bodyText() + " " + browser.findElements(By.cssSelector("[placeholder]")).stream()
        .map(e -> e.getAttribute("placeholder")).toList();
    for (String key : visibleKeys) {
      assertThat(text).as(key).contains(zh(app, key));
    }
    assertThat(browser.findElement(By.id("serviceloop-language")).getText()).isEqualTo("English");
    assertThat(browser.executeScript("return document.documentElement.lang")).isEqualTo("zh-CN");
  }

  /** A Camunda Form's input in the page, found as a person finds it: by its label (from the form file). */
  static By field(String formId, String key) throws IOException {
    String label = component(formId, key).path("label").asText();
    return By.xpath("//*[@id = //label[starts-with(normalize-space(.), '" + label + "')]/@for]");
  }

  /** The label of one of a Camunda Form field's options. */
  static String option(String formId, String key, String value) throws IOException {
    for (JsonNode option : component(formId, key).path("values")) {
      if (value.equals(option.path("value").asText())) {
        return option.path("label").asText();
      }
    }
    throw new IllegalArgumentException(formId + "." + key + " has no option " + value);
  }

  static JsonNode component(String formId, String key) throws IOException {
    for (JsonNode component : JSON.readTree(Path.of("forms", formId + ".form").toFile()).path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new IllegalArgumentException(formId + " has no field " + key);
  }

  String zh(String app, String key) {
    return translations.build(app, WebappTranslations.CHINESE).path("labels").path(key).asText();
  }

  /**
   * Clicks as a person does: scrolled into the middle of the page first (the footer covers its bottom), and again
   * while Tasklist is still laying the task out (CI once saw the task header over a form field after the claim).
   */
  void click(WebElement element) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(ElementClickInterceptedException.class).until(d -> {
      browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
      element.click();
      return true;
    });
  }

  String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  WebElement waitFor(By selector) {
    return new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(selector));
  }

  void waitForText(String css, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  // ------------------------------------------------------------------ the cases









}
