package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.kpi.TestFacts;
import org.assertj.core.api.Assertions;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.calendar.WorkingTimeCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;
import org.camunda.spin.plugin.variable.SpinValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The monthly service review with the engine clock moved through a month. */
@ServiceLoopTest
class MonthlyServiceReviewProcessTest {

  static final String REGION = "KPI测试区-review";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WorkingTimeCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    init(processEngine);
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
  }

  @AfterEach
  void tearDown() {
    facts.clear();
    ClockUtil.reset();
    // each month is reviewed once (sl_monthly_review): free the months these tests claimed
    jdbc.update("DELETE FROM sl_review_action");
    jdbc.update("DELETE FROM sl_monthly_review");
  }

  static void clock(String at) {
    ClockUtil.setCurrentTime(date(at));
  }

  static Date date(String at) {
    return Date.from(OffsetDateTime.parse(at).toInstant());
  }

  @Test
  void theTimerStartsAReviewOnTheFirstOfEveryMonthBeijingTime() {
    Job start = managementService.createJobQuery().processDefinitionKey(SCHEDULE_PROCESS_ID)
        .activityId(START_EVENT_MONTH_STARTED).singleResult();
    Assertions.assertThat(start).isNotNull();
    var due = start.getDuedate().toInstant().atZone(SHANGHAI);
    Assertions.assertThat(due.getDayOfMonth()).isEqualTo(1);
    Assertions.assertThat(due.getHour()).isLessThan(9); // cron 00:05 in a JVM running Beijing time or UTC

    ClockUtil.setCurrentTime(start.getDuedate());
    execute(start);
    String reportMonth = YearMonth.from(due).minusMonths(1).toString();
    ProcessInstance review = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .variableValueEquals(REPORT_MONTH, reportMonth).active().list().stream()
        .filter(pi -> runtimeService.getActiveActivityIds(pi.getId()).contains(TIMER_FIRST_WORKING_DAY))
        .findFirst().orElseThrow();
    assertThat(review).isWaitingAt(TIMER_FIRST_WORKING_DAY);
    LocalDate firstWorkingDay = calendar.firstWorkingDayOf(YearMonth.from(due));
    Assertions.assertThat(job(TIMER_FIRST_WORKING_DAY).getDuedate())
        .isEqualTo(Date.from(firstWorkingDay.atTime(9, 0).atZone(SHANGHAI).toInstant()));
    Job next = managementService.createJobQuery().processDefinitionKey(SCHEDULE_PROCESS_ID)
        .activityId(START_EVENT_MONTH_STARTED).singleResult();
    var nextDue = next.getDuedate().toInstant().atZone(SHANGHAI);
    Assertions.assertThat(YearMonth.from(nextDue)).isEqualTo(YearMonth.from(due).plusMonths(1));
    Assertions.assertThat(nextDue.getDayOfMonth()).isEqualTo(1);
    runtimeService.deleteProcessInstance(review.getId(), "test over");
  }

  @Test
  void afterNationalDayTheReviewWaitsForTheFirstWorkingDay() {
    clock("2026-10-01T00:05+08:00");
    ProcessInstance review = runtimeService.startProcessInstanceByKey(PROCESS_ID);

    Assertions.assertThat(calendar.firstWorkingDayOf(YearMonth.of(2026, 10))).isEqualTo(LocalDate.parse("2026-10-08"));
    assertThat(review).isWaitingAt(TIMER_FIRST_WORKING_DAY).variables().containsEntry(REPORT_MONTH, "2026-09");
    Assertions.assertThat(job(TIMER_FIRST_WORKING_DAY).getDuedate()).isEqualTo(date("2026-10-08T09:00+08:00"));
    runtimeService.deleteProcessInstance(review.getId(), "test over");
  }

  @Test
  void reviewAssignsActionsThatAreTrackedAndEscalatedWhenOverdue() {
    // August 2026: broadband complaints on top, half of the closures late
    for (int i = 0; i < 3; i++) {
      facts.complaint("BROADBAND").received("2026-08-10T10:00+08:00").insert();
    }
    facts.complaint("BILLING").received("2026-08-11T10:00+08:00").closed("2026-08-12T10:00+08:00", true)
        .set("root_cause", "NETWORK_FAULT").insert();
    facts.complaint("BILLING").received("2026-08-11T10:00+08:00").closed("2026-08-20T10:00+08:00", false)
        .set("root_cause", "NETWORK_FAULT").insert();

    clock("2026-09-01T00:05+08:00");
    ProcessInstance review = runtimeService.startProcessInstanceByKey(PROCESS_ID);
    assertThat(review).isWaitingAt(TIMER_FIRST_WORKING_DAY);
    Assertions.assertThat(job(TIMER_FIRST_WORKING_DAY).getDuedate()).isEqualTo(date("2026-09-01T09:00+08:00"));

    clock("2026-09-01T09:00+08:00");
    execute(job(TIMER_FIRST_WORKING_DAY));
    assertThat(review).isWaitingAt(TASK_COMPUTE_KPIS);
    execute(job(TASK_COMPUTE_KPIS));

    assertThat(review).isWaitingAt(TASK_REVIEW_HOT_ISSUES);
    assertThat(task()).hasCandidateGroup("service-supervision")
        .hasDueDate(date("2026-09-03T09:00+08:00"));
    Map<String, Object> vars = runtimeService.getVariables(review.getId());
    Assertions.assertThat((String) vars.get(KPI_SUMMARY)).contains("工单处理及时率 Timely handling rate: 0.5 (目标 target >= 0.96) 未达标 MISSED");
    String prefilled = vars.get(REVIEW_ACTIONS).toString();
    Assertions.assertThat(prefilled).contains("投诉热点 Top complaint category BROADBAND: 3");
    Assertions.assertThat(prefilled).contains("主要根因 Top root cause NETWORK_FAULT: 2");
    Assertions.assertThat(prefilled).contains("指标未达标 KPI missed 工单处理及时率 Timely handling rate: 0.5");

    complete(task(), withVariables(REVIEW_ACTIONS, SpinValues.jsonValue("""
        [{"issue": "宽带投诉 Broadband complaints", "department": "dept-network-assurance", "person": "王工",
          "deadline": "2026-09-10T17:00+08:00", "hardest": true},
         {"issue": "处理超时 Late closures", "department": "dept-channel-service", "person": "李经理",
          "deadline": "2026-09-15T17:00+08:00", "hardest": false}]""").create()));

    List<Task> actions = taskService.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(TASK_CARRY_OUT_ACTION).orderByDueDate().asc().list();
    Assertions.assertThat(actions).hasSize(2);
    assertThat(actions.get(0)).hasCandidateGroup("dept-network-assurance").hasDueDate(date("2026-09-10T17:00+08:00"));
    assertThat(actions.get(1)).hasCandidateGroup("dept-channel-service").hasDueDate(date("2026-09-15T17:00+08:00"));

    // the hardest action is overdue: the general manager supervises it (总经理督办)
    clock("2026-09-10T17:01+08:00");
    execute(overdueTimer());
    Task gm = taskService.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(TASK_GENERAL_MANAGER_SUPERVISION).singleResult();
    assertThat(gm).hasCandidateGroup("general-manager");
    Assertions.assertThat(taskService.getVariable(gm.getId(), ACTION_ISSUE)).isEqualTo("宽带投诉 Broadband complaints");

    // the ordinary one: the department manager chases it
    clock("2026-09-15T17:01+08:00");
    execute(overdueTimer());
    assertThat(taskService.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_MANAGER_SUPERVISION).singleResult()).hasCandidateGroup("department-manager");

    for (Task open : taskService.createTaskQuery().processInstanceId(review.getId()).list()) {
      taskService.complete(open.getId(), Map.of("actionResult", "done", "supervisionInstruction", "ok"));
    }
    assertThat(review).isEnded().hasPassed(END_EVENT_REVIEW_CLOSED);
  }

  @Test
  void anIncompleteActionListIsRefusedAndTheReviewStaysOpen() {
    clock("2026-09-01T09:00+08:00");
    ProcessInstance review = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES)
        .setVariable(REVIEW_DUE, date("2026-09-03T09:00+08:00"))
        .execute();
    Task reviewTask = task(review);
    assertThatThrownBy(() -> taskService.complete(reviewTask.getId(), withVariables(REVIEW_ACTIONS,
        "[{\"issue\": \"x\", \"department\": \"nobody\", \"person\": \"p\", \"deadline\": \"2026-09-10T17:00+08:00\"}]")))
        .hasMessageContaining("no responsible department nobody");
    assertThat(review).isWaitingAt(TASK_REVIEW_HOT_ISSUES);

    complete(task(review), withVariables(REVIEW_ACTIONS, "[]"));
    assertThat(review).isEnded();
  }

  /**
   * Issue 13: how many top categories and root causes the review lists and which departments an action may go
   * to are the model's (Task_ListHotIssues' hotIssueTop, Task_PrepareActions' responsibleDepartments): the shipped
   * model lists three of each, a copy with hotIssueTop 1 and one department lists one and refuses the others.
   */
  @Test
  void theTopOfTheHotIssuesAndTheResponsibleDepartmentsAreTheModels() throws Exception {
    // June 2026: broadband complaints first, then billing, then mobile
    for (String category : List.of("BROADBAND", "BROADBAND", "BROADBAND", "BILLING", "BILLING", "MOBILE")) {
      facts.complaint(category).received("2026-06-10T10:00+08:00").insert();
    }
    clock("2026-07-01T09:00+08:00");
    String shipped = hotIssuesOfJune(PROCESS_ID);
    Assertions.assertThat(shipped).contains("Top complaint category BROADBAND: 3", "Top complaint category BILLING: 2",
        "Top complaint category MOBILE: 1");

    String narrowed = "monthly-service-review-top1";
    String changed = withTopOne(shippedAs(narrowed))
        .replaceAll("\\s*<camunda:value>dept-(business-management|channel-service|system-support)</camunda:value>", "");
    Assertions.assertThat(changed).contains(">1</camunda:inputParameter>").doesNotContain("dept-channel-service");
    String deployment = repositoryService.createDeployment().name("hotIssueTop 1, one department")
        .addString(narrowed + ".bpmn", changed).deploy().getId();
    try {
      String top1 = hotIssuesOfJune(narrowed);
      Assertions.assertThat(top1).contains("Top complaint category BROADBAND: 3").doesNotContain("BILLING", "MOBILE");
      Task review = taskService.createTaskQuery().processDefinitionKey(narrowed).singleResult();
      assertThatThrownBy(() -> taskService.complete(review.getId(), withVariables(REVIEW_ACTIONS, """
          [{"issue": "x", "department": "dept-channel-service", "person": "p", "deadline": "2026-07-10T17:00+08:00"}]""")))
          .hasMessageContaining("no responsible department dept-channel-service (one of dept-network-assurance)");
      taskService.complete(review.getId(), withVariables(REVIEW_ACTIONS, """
          [{"issue": "x", "department": "dept-network-assurance", "person": "p", "deadline": "2026-07-10T17:00+08:00"}]"""));
      Assertions.assertThat(taskService.createTaskQuery().processDefinitionKey(narrowed)
          .taskDefinitionKey(TASK_CARRY_OUT_ACTION).singleResult().getName()).isNotNull();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** processes/monthly-service-review.bpmn as shipped, its process id {@code key}. */
  static String shippedAs(String key) throws java.io.IOException {
    String model = new String(new ClassPathResource("processes/monthly-service-review.bpmn").getInputStream()
        .readAllBytes(), StandardCharsets.UTF_8);
    return model.replace("id=\"" + PROCESS_ID + "\"", "id=\"" + key + "\"")
        .replace("bpmnElement=\"" + PROCESS_ID + "\"", "bpmnElement=\"" + key + "\"");
  }

  static String withTopOne(String model) {
    String changed = model.replace("<camunda:inputParameter name=\"" + HOT_ISSUE_TOP + "\">3<",
        "<camunda:inputParameter name=\"" + HOT_ISSUE_TOP + "\">1<");
    Assertions.assertThat(changed).isNotEqualTo(model);
    return changed;
  }

  /**
   * A review started before issue 13 (its version of the model has neither parameter) reads them from the latest
   * deployed version when it reaches the step: after an upgrade it lists and checks by the model, never fails.
   */
  @Test
  void aReviewOfAVersionWithoutTheParametersReadsThemFromTheLatestVersion() throws Exception {
    for (String category : List.of("BROADBAND", "BROADBAND", "BILLING")) {
      facts.complaint(category).received("2026-06-10T10:00+08:00").insert();
    }
    clock("2026-07-01T09:00+08:00");
    String key = "monthly-service-review-upgrade";
    String shipped = shippedAs(key);
    String before = shipped.replaceAll("(?s)\\s*<bpmn:extensionElements>\\s*<camunda:inputOutput>\\s*"
        + "<camunda:inputParameter name=\"(" + HOT_ISSUE_TOP + "|" + RESPONSIBLE_DEPARTMENTS + ")\">.*?"
        + "</camunda:inputOutput>\\s*</bpmn:extensionElements>", "");
    Assertions.assertThat(before).doesNotContain(HOT_ISSUE_TOP + "\"", RESPONSIBLE_DEPARTMENTS + "\"")
        .contains("name=\"reviewTime\"");
    List<String> deployments = new java.util.ArrayList<>();
    try {
      deployments.add(repositoryService.createDeployment().addString(key + ".bpmn", before).deploy().getId());
      ProcessInstance listing = runtimeService.createProcessInstanceByKey(key).startBeforeActivity(TASK_COMPUTE_KPIS)
          .setVariable(REPORT_MONTH, "2026-06").setVariable(REVIEW_DUE, date("2026-07-03T09:00+08:00")).execute();
      ProcessInstance reviewing = runtimeService.createProcessInstanceByKey(key)
          .startBeforeActivity(TASK_REVIEW_HOT_ISSUES).setVariable(REPORT_MONTH, "2026-06")
          .setVariable(REVIEW_DUE, date("2026-07-03T09:00+08:00")).execute();
      // the process owner's next version: the parameters, the top cut to one
      deployments.add(repositoryService.createDeployment().addString(key + ".bpmn", withTopOne(shipped)).deploy()
          .getId());

      execute(managementService.createJobQuery().processInstanceId(listing.getId()).activityId(TASK_COMPUTE_KPIS)
          .singleResult());
      Assertions.assertThat(runtimeService.getVariable(listing.getId(), REVIEW_ACTIONS).toString())
          .contains("Top complaint category BROADBAND: 2").doesNotContain("BILLING");
      Task review = task(reviewing);
      assertThatThrownBy(() -> taskService.complete(review.getId(), withVariables(REVIEW_ACTIONS, """
          [{"issue": "x", "department": "nobody", "person": "p", "deadline": "2026-07-10T17:00+08:00"}]""")))
          .hasMessageContaining("no responsible department nobody (one of dept-network-assurance, ");
      taskService.complete(review.getId(), withVariables(REVIEW_ACTIONS, """
          [{"issue": "x", "department": "dept-system-support", "person": "p", "deadline": "2026-07-10T17:00+08:00"}]"""));
      assertThat(taskService.createTaskQuery().processInstanceId(reviewing.getId())
          .taskDefinitionKey(TASK_CARRY_OUT_ACTION).singleResult()).hasCandidateGroup("dept-system-support");
    } finally {
      deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }
  }

  /** A review of June 2026 of the process {@code key}, from its KPIs to the review task: the prefilled list. */
  String hotIssuesOfJune(String key) {
    ProcessInstance review = runtimeService.createProcessInstanceByKey(key).startBeforeActivity(TASK_COMPUTE_KPIS)
        .setVariable(REPORT_MONTH, "2026-06").setVariable(REVIEW_DUE, date("2026-07-03T09:00+08:00")).execute();
    execute(managementService.createJobQuery().processInstanceId(review.getId()).activityId(TASK_COMPUTE_KPIS)
        .singleResult());
    return runtimeService.getVariable(review.getId(), REVIEW_ACTIONS).toString();
  }

  /** The review form offers the departments the model allows, no more, no fewer (both are edited in Modeler). */
  @Test
  void theReviewFormOffersTheResponsibleDepartmentsOfTheModel() throws Exception {
    BpmnModelInstance model;
    try (var in = new ClassPathResource("processes/monthly-service-review.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    ServiceTask prepare = model.getModelElementById("Task_PrepareActions");
    CamundaInputParameter departments = prepare.getExtensionElements().getElementsQuery()
        .filterByType(CamundaInputOutput.class).singleResult().getCamundaInputParameters().stream()
        .filter(p -> p.getCamundaName().equals(RESPONSIBLE_DEPARTMENTS)).findFirst().orElseThrow();
    List<String> inModel = departments.<CamundaList>getValue().getValues().stream()
        .map(v -> v.getTextContent().trim()).toList();
    var form = new ObjectMapper().readTree(new ClassPathResource("forms/monthly-service-review.form").getInputStream());
    // the department select inside the dynamic list of actions (findParents: every object with a "key")
    List<String> inForm = new java.util.ArrayList<>();
    form.findParents("key").stream().filter(c -> "department".equals(c.path("key").asText()))
        .forEach(c -> c.path("values").forEach(v -> inForm.add(v.path("value").asText())));
    Assertions.assertThat(inModel).containsExactly("dept-network-assurance", "dept-business-management",
        "dept-channel-service", "dept-system-support");
    Assertions.assertThat(inForm).containsExactlyInAnyOrderElementsOf(inModel);
  }

  Job overdueTimer() {
    return managementService.createJobQuery().activityId(TIMER_ACTION_OVERDUE).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list().stream()
        .filter(j -> j.getDuedate().after(new Date(ClockUtil.getCurrentTime().getTime() - 5 * 60_000)))
        .findFirst().orElseThrow();
  }
}
