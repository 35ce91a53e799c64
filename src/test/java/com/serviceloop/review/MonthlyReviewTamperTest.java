package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.submission.CaseSnapshot;
import com.serviceloop.submission.EngineRestClient;
import com.serviceloop.submission.TamperSuite;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated tamper suite over the monthly service review's forms: the review (a dynamic list of actions,
 * submitted as Tasklist submits it, a Json variable), an action and its general-manager supervision.
 */
@ServiceLoopTest
class MonthlyReviewTamperTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date date(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  @Test
  void everyReviewFormRefusesEveryTampering() {
    ClockUtil.setCurrentTime(date("2026-09-01T09:00+08:00"));
    TamperSuite suite = new TamperSuite(new EngineRestClient(rest, identityService), taskService, formService,
        repositoryService);
    ProcessInstance review = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES)
        .setVariable(REVIEW_DUE, date("2026-09-03T09:00+08:00"))
        .setVariable(REPORT_MONTH, "2026-08")
        .execute();
    Supplier<CaseSnapshot> snapshot = () -> CaseSnapshot.of(jdbc, runtimeService, taskService, null, review.getId());
    String actions = """
        [{"issue": "宽带投诉 Broadband complaints", "department": "dept-network-assurance", "person": "王工",
          "deadline": "2026-09-10T17:00+08:00", "hardest": true}]""";
    int made = suite.task(task(review, TASK_REVIEW_HOT_ISSUES).getId(), "service-supervision",
        new HashMap<>(Map.of(REVIEW_ACTIONS, Map.of("value", actions, "type", "Json"))), snapshot);

    Task action = task(review, TASK_CARRY_OUT_ACTION);
    assertThat(action).isNotNull();
    made += suite.task(action.getId(), "dept-network-assurance", new HashMap<>(Map.of("actionResult", "已扩容")),
        snapshot);

    ProcessInstance second = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES)
        .setVariable(REVIEW_DUE, date("2026-09-03T09:00+08:00"))
        .setVariable(REPORT_MONTH, "2026-08")
        .execute();
    taskService.complete(task(second, TASK_REVIEW_HOT_ISSUES).getId(), Map.of(REVIEW_ACTIONS,
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(actions).create()));
    ClockUtil.setCurrentTime(date("2026-09-10T17:01+08:00"));
    Job overdue = managementService.createJobQuery().processInstanceId(second.getId())
        .activityId(TIMER_ACTION_OVERDUE).singleResult();
    managementService.executeJob(overdue.getId());
    Task supervision = task(second, TASK_GENERAL_MANAGER_SUPERVISION);
    assertThat(supervision).isNotNull();
    made += suite.task(supervision.getId(), "general-manager", new HashMap<>(Map.of("supervisionInstruction",
        "本周内完成")), () -> CaseSnapshot.of(jdbc, runtimeService, taskService, null, second.getId()));

    System.out.println("Tamper suite, monthly service review: 3 forms, " + made
        + " tampered submissions, all 400; " + TamperSuite.figures("run total"));
    assertThat(made).isGreaterThan(30);
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list().stream()
        .filter(p -> p.getId().equals(review.getId()) || p.getId().equals(second.getId()))
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over"));
  }

  Task task(ProcessInstance review, String activityId) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(activityId)
        .singleResult();
  }
}
