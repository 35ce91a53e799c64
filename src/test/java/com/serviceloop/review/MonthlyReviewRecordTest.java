package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.kpi.TestFacts;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly review keeps its record (issue 11): every action's result and instruction kept, each form shows
 * its own action, service supervision starts a review of a chosen past month, a month missed while the
 * application was down is reviewed when it comes up — once, also with two nodes at it.
 */
@ServiceLoopTest
class MonthlyReviewRecordTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  static final String REGION = "KPI测试区-record";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identity;
  @Autowired MonthlyReviewRecord record;
  @Autowired MonthlyReviewCatchUp catchUp;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    init(processEngine);
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
    clearReviews();
    TestUsers.ensure(identity, "rvsupervisor", "service-supervision");
    TestUsers.ensure(identity, "rvhotline", "hotline");
    TestUsers.ensure(identity, "rvauditor", "auditors");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over"));
    clearReviews();
    facts.clear();
  }

  void clearReviews() {
    jdbc.update("DELETE FROM sl_review_action");
    jdbc.update("DELETE FROM sl_monthly_review");
  }

  static void clock(String at) {
    ClockUtil.setCurrentTime(date(at));
  }

  static Date date(String at) {
    return Date.from(OffsetDateTime.parse(at).toInstant());
  }

  // ---- every action keeps its own result; each form shows its own action

  @Test
  void everyActionKeepsItsOwnResultAndInstruction_andEachFormShowsItsOwnAction() {
    clock("2026-08-03T09:00+08:00");
    ProcessInstance review = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES)
        .setVariable(REPORT_MONTH, "2026-07")
        .setVariable(REVIEW_DUE, date("2026-08-05T09:00+08:00"))
        .execute();
    complete(task(review), withVariables(REVIEW_ACTIONS, SpinValues.jsonValue("""
        [{"issue": "A 宽带投诉", "department": "dept-network-assurance", "person": "王工",
          "deadline": "2026-08-10T17:00+08:00", "hardest": true},
         {"issue": "B 处理超时", "department": "dept-channel-service", "person": "李经理",
          "deadline": "2026-08-07T17:00+08:00", "hardest": true}]""").create()));

    // B is overdue first: the general manager's instruction for B
    clock("2026-08-07T17:01+08:00");
    execute(overdueTimer());
    Task gmB = supervision(review);
    Assertions.assertThat(formService.getTaskFormVariables(gmB.getId()).getValue(ACTION_ISSUE, String.class))
        .isEqualTo("B 处理超时");
    taskService.complete(gmB.getId(), Map.of(SUPERVISION_INSTRUCTION, "B: 本周内清理积压"));

    // then A: its form shows A, and no instruction yet — not B's
    clock("2026-08-10T17:01+08:00");
    execute(overdueTimer());
    Task gmA = supervision(review);
    var formA = formService.getTaskFormVariables(gmA.getId());
    Assertions.assertThat(formA.getValue(ACTION_ISSUE, String.class)).isEqualTo("A 宽带投诉");
    Assertions.assertThat(formA.getValue(SUPERVISION_INSTRUCTION, String.class)).isNull();
    taskService.complete(gmA.getId(), Map.of(SUPERVISION_INSTRUCTION, "A: 网络部牵头扩容"));

    // the departments report, A first, then B: B does not overwrite A
    Task carryA = carryOut(review, "dept-network-assurance");
    Assertions.assertThat(formService.getTaskFormVariables(carryA.getId()).getValue(ACTION_RESULT, String.class))
        .isNull();
    taskService.complete(carryA.getId(), Map.of(ACTION_RESULT, "A: 新增端口 200 个"));
    Task carryB = carryOut(review, "dept-channel-service");
    Assertions.assertThat(formService.getTaskFormVariables(carryB.getId()).getValue(ACTION_RESULT, String.class))
        .isNull();
    taskService.complete(carryB.getId(), Map.of(ACTION_RESULT, "B: 积压清零"));
    assertThat(review).isEnded();

    List<Map<String, Object>> actions = jdbc.queryForList(
        "SELECT * FROM sl_review_action WHERE process_instance_id = ? ORDER BY action_index", review.getId());
    Assertions.assertThat(actions).hasSize(2);
    Assertions.assertThat(actions.get(0)).containsEntry("ISSUE", "A 宽带投诉").containsEntry("STATUS", "DONE")
        .containsEntry("RESULT", "A: 新增端口 200 个").containsEntry("ESCALATED_TO", "general-manager")
        .containsEntry("SUPERVISION_INSTRUCTION", "A: 网络部牵头扩容").containsEntry("REPORT_MONTH", "2026-07");
    Assertions.assertThat(actions.get(1)).containsEntry("ISSUE", "B 处理超时")
        .containsEntry("RESULT", "B: 积压清零").containsEntry("SUPERVISION_INSTRUCTION", "B: 本周内清理积压");
    // and in the engine's history: one result per action, none on the review itself
    Assertions.assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(review.getId())
        .variableName(ACTION_RESULT).list()).extracting(v -> v.getValue())
        .containsExactlyInAnyOrder("A: 新增端口 200 个", "B: 积压清零");
  }

  @Test
  void aResultIsRequired_aCompletionWithoutItIsRefused() {
    clock("2026-08-03T09:00+08:00");
    ProcessInstance review = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES).setVariable(REPORT_MONTH, "2026-07")
        .setVariable(REVIEW_DUE, date("2026-08-05T09:00+08:00")).execute();
    complete(task(review), withVariables(REVIEW_ACTIONS, """
        [{"issue": "C", "department": "dept-system-support", "person": "赵", "deadline": "2026-08-10T17:00+08:00"}]"""));
    Task carry = carryOut(review, "dept-system-support");
    Assertions.assertThatThrownBy(() -> taskService.complete(carry.getId(), Map.of(ACTION_RESULT, " ")))
        .hasMessageContaining("actionResult is required");
    Assertions.assertThat(jdbc.queryForObject("SELECT status FROM sl_review_action WHERE process_instance_id = ?",
        String.class, review.getId())).isEqualTo("OPEN");
  }

  // ---- service supervision starts a review for a chosen past month

  @Test
  void serviceSupervisionStartsAReviewOfAChosenPastMonth_onceAMonth() {
    ResponseEntity<Map<String, Object>> started = post("rvsupervisor", Map.of("month", "2026-06"));
    Assertions.assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Assertions.assertThat(started.getBody()).containsEntry("month", "2026-06").containsEntry("startedBy", "rvsupervisor")
        .containsKeys("processInstanceId", "reviewAt", "reviewDue");
    String id = (String) started.getBody().get("processInstanceId");
    ProcessInstance review = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(review).isWaitingAt(TIMER_FIRST_WORKING_DAY).variables().containsEntry(REPORT_MONTH, "2026-06");
    // a month long over is reviewed now, not on some first working day
    Assertions.assertThat(job(TIMER_FIRST_WORKING_DAY).getDuedate()).isBeforeOrEqualTo(new Date());
    execute(job(TIMER_FIRST_WORKING_DAY));
    execute(job(TASK_COMPUTE_KPIS));
    assertThat(review).isWaitingAt(TASK_REVIEW_HOT_ISSUES);

    ResponseEntity<Map<String, Object>> again = post("rvsupervisor", Map.of("month", "2026-06"));
    Assertions.assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Assertions.assertThat((String) again.getBody().get("message")).contains("2026-06").contains(id);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .variableValueEquals(REPORT_MONTH, "2026-06").count()).isEqualTo(1);

    Map<String, Object> list = get("rvauditor", "/api/monthly-reviews?from=2026-06&to=2026-06").getBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reviews = (List<Map<String, Object>>) list.get("reviews");
    Assertions.assertThat(reviews).singleElement().satisfies(r -> Assertions.assertThat(r)
        .containsEntry("month", "2026-06").containsEntry("processInstanceId", id).containsEntry("startedBy", "rvsupervisor"));
  }

  @Test
  void startingAReview_400ForAMonthNotOver_403ForOthers() {
    String current = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    badMonth(Map.of("month", current));
    badMonth(Map.of("month", "2099-01"));
    badMonth(Map.of("month", "June"));
    badMonth(Map.of());
    Assertions.assertThat(post("rvhotline", Map.of("month", "2026-06")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Assertions.assertThat(post("rvauditor", Map.of("month", "2026-06")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Assertions.assertThat(get("rvhotline", "/api/monthly-reviews").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_monthly_review", Integer.class)).isZero();
  }

  @Test
  void theTasklistStartFormStartsAReviewAsTheSupervisor() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("rvsupervisor", TestUsers.PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + PROCESS_ID + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of(REPORT_MONTH, Map.of("value", "2026-05", "type", "String"))),
            headers), JSON);
    Assertions.assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(jdbc.queryForMap("SELECT * FROM sl_monthly_review WHERE report_month = '2026-05'"))
        .containsEntry("STARTED_BY", "rvsupervisor").containsEntry("PROCESS_INSTANCE_ID", answer.getBody().get("id"));
    ResponseEntity<Map<String, Object>> form = rest.withBasicAuth("rvsupervisor", TestUsers.PASSWORD).exchange(
        "/engine-rest/process-definition/key/" + PROCESS_ID + "/startForm", HttpMethod.GET, null, JSON);
    Assertions.assertThat(form.getBody().toString()).contains("monthly-review-start");
  }

  // ---- a month missed while the application was down

  @Test
  void aMonthMissedWhileTheApplicationWasDownIsReviewedWhenItComesUp_once() {
    facts.complaint("BILLING").received("2026-10-20T10:00+08:00").insert();
    record.claim(YearMonth.of(2026, 10), "reviewed-in-october", MonthlyReviewRecord.TIMER,
        date("2026-10-08T09:00+08:00").toInstant());
    MonthlyReviewCatchUp twoMonths = catchUp(2);

    // down over the 1st of December, up on the 2nd
    clock("2026-12-02T10:00+08:00");
    Assertions.assertThat(twoMonths.catchUp(ClockUtil.getCurrentTime().toInstant())).containsExactly(YearMonth.of(2026, 11));
    ProcessInstance november = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .variableValueEquals(REPORT_MONTH, "2026-11").singleResult();
    assertThat(november).isWaitingAt(TIMER_FIRST_WORKING_DAY);
    Assertions.assertThat(job(TIMER_FIRST_WORKING_DAY).getDuedate()).isEqualTo(date("2026-12-02T10:00+08:00"));
    Assertions.assertThat(jdbc.queryForObject("SELECT started_by FROM sl_monthly_review WHERE report_month = '2026-11'",
        String.class)).isEqualTo(MonthlyReviewRecord.CATCH_UP);

    // a second start-up, or the next node: nothing more
    Assertions.assertThat(twoMonths.catchUp(ClockUtil.getCurrentTime().toInstant())).isEmpty();
    // December's own timer fires late: November has its review, so this one ends at once
    runtimeService.startProcessInstanceByKey(SCHEDULE_PROCESS_ID);
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
        .activityId(END_EVENT_ALREADY_REVIEWED).count()).isEqualTo(1);
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .variableValueEquals(REPORT_MONTH, "2026-11").count()).isEqualTo(1);

    execute(job(TIMER_FIRST_WORKING_DAY));
    execute(job(TASK_COMPUTE_KPIS));
    assertThat(november).isWaitingAt(TASK_REVIEW_HOT_ISSUES);
  }

  @Test
  void twoNodesComingUpAtOnceStartOneReviewPerMonth() throws Exception {
    // months no other test touches: January and February 2027
    facts.complaint("BILLING").received("2027-01-20T10:00+08:00").insert();
    clock("2027-03-02T10:00+08:00");
    MonthlyReviewCatchUp node = catchUp(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<YearMonth>>> runs = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      runs.add(nodes.submit(() -> {
        go.await();
        return node.catchUp(date("2027-03-02T10:00+08:00").toInstant());
      }));
    }
    go.countDown();
    List<YearMonth> started = Collections.synchronizedList(new ArrayList<>());
    for (Future<List<YearMonth>> run : runs) {
      started.addAll(run.get(60, TimeUnit.SECONDS));
    }
    nodes.shutdown();
    Assertions.assertThat(started).containsExactlyInAnyOrder(YearMonth.of(2027, 1), YearMonth.of(2027, 2));
    for (String month : List.of("2027-01", "2027-02")) {
      Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
          .variableValueEquals(REPORT_MONTH, month).count()).as(month).isEqualTo(1);
    }
  }

  @Test
  void theMonthIsUniqueInTheDatabase() {
    jdbc.update("INSERT INTO sl_monthly_review (report_month, process_instance_id, started_by, started_at)"
        + " VALUES ('2026-03', 'a', 'TIMER', CURRENT_TIMESTAMP)");
    Assertions.assertThatThrownBy(() -> jdbc.update("INSERT INTO sl_monthly_review"
        + " (report_month, process_instance_id, started_by, started_at) VALUES ('2026-03', 'b', 'CATCH_UP', CURRENT_TIMESTAMP)"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aReviewStartedBeforeTheRecordExistedIsAdopted_notRepeated() {
    facts.complaint("BILLING").received("2026-11-05T10:00+08:00").insert();
    clock("2026-12-01T09:00+08:00");
    // a review of November from before V11_2: in the engine, not in sl_monthly_review
    ProcessInstance earlier = runtimeService.createProcessInstanceByKey(PROCESS_ID)
        .startBeforeActivity(TASK_REVIEW_HOT_ISSUES).setVariable(REPORT_MONTH, "2026-11")
        .setVariable(REVIEW_DUE, date("2026-12-03T09:00+08:00")).execute();
    Assertions.assertThat(catchUp(1).catchUp(ClockUtil.getCurrentTime().toInstant())).isEmpty();
    Assertions.assertThat(record.reviewOf(YearMonth.of(2026, 11))).contains(earlier.getId());
  }

  // ---- helpers

  MonthlyReviewCatchUp catchUp(int months) {
    return new MonthlyReviewCatchUp(jdbc, record, runtimeService, historyService, "Asia/Shanghai", true, months);
  }

  Task supervision(ProcessInstance review) {
    return taskService.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(TASK_GENERAL_MANAGER_SUPERVISION).singleResult();
  }

  Task carryOut(ProcessInstance review, String department) {
    return taskService.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(TASK_CARRY_OUT_ACTION)
        .taskCandidateGroup(department).singleResult();
  }

  Job overdueTimer() {
    return managementService.createJobQuery().activityId(TIMER_ACTION_OVERDUE).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list().stream()
        .filter(j -> j.getDuedate().after(new Date(ClockUtil.getCurrentTime().getTime() - 5 * 60_000)))
        .findFirst().orElseThrow();
  }

  void badMonth(Map<String, Object> body) {
    ResponseEntity<Map<String, Object>> answer = post("rvsupervisor", body);
    Assertions.assertThat(answer.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    Assertions.assertThat(answer.getBody().get("errors").toString()).contains("month");
  }

  ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/monthly-reviews", HttpMethod.POST,
        new HttpEntity<>(body, headers), JSON);
  }

  ResponseEntity<Map<String, Object>> get(String user, String url) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(url, HttpMethod.GET, null, JSON);
  }
}
