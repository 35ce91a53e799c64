package com.serviceloop.kpi;

import static com.serviceloop.kpi.MonthlyReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
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

  Job overdueTimer() {
    return managementService.createJobQuery().activityId(TIMER_ACTION_OVERDUE).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list().stream()
        .filter(j -> j.getDuedate().after(new Date(ClockUtil.getCurrentTime().getTime() - 5 * 60_000)))
        .findFirst().orElseThrow();
  }
}
