package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopApplication;
import com.serviceloop.kpi.TestFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly review's catch-up across a real restart: the application (the whole Spring Boot application,
 * engine, Flyway, web server) runs on an H2 file database, is stopped before the 1st of December — the
 * schedule's timer has not fired — and started again with the engine clock on the 2nd: November is reviewed
 * as the application comes up (MonthlyReviewCatchUp on ApplicationReadyEvent, as in production), and a second
 * restart starts nothing more. Each start is its own context, one after the other, on the same file; the
 * engine is named apart from the test suite's shared one ("default") so that the two never meet in the
 * engine registry, and Camunda's web apps are left out (their runtime is static, see start()). Nothing here
 * runs the catch-up by hand.
 */
class MonthlyReviewRestartTest {

  static final String REGION = "KPI测试区-restart";

  Path data;
  ConfigurableApplicationContext running;

  @BeforeEach
  void freshDatabase() throws Exception {
    data = Files.createTempDirectory("serviceloop-restart-");
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (running != null) {
      running.close();
    }
    ClockUtil.reset();
    try (var files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void downOverTheFirstOfDecember_upOnTheSecond_novemberIsReviewedOnce() {
    // 1. up in November: an order arrives, nothing to catch up (November is not over)
    ClockUtil.setCurrentTime(date("2026-11-28T10:00+08:00"));
    running = start();
    new TestFacts(jdbc(), REGION).complaint("BILLING").received("2026-11-20T10:00+08:00").insert();
    assertThat(reviews()).isEmpty();
    Job schedule = scheduleTimer();
    assertThat(schedule.getDuedate()).as("the schedule's timer, due while the application is down")
        .isAfter(date("2026-11-30T00:00+08:00")).isBefore(date("2026-12-02T10:00+08:00"));
    // 2. stopped on the 28th, before the month boundary
    stop();

    // 3. started again on the 2nd of December
    ClockUtil.setCurrentTime(date("2026-12-02T10:00+08:00"));
    running = start();
    List<Map<String, Object>> reviews = reviews();
    assertThat(reviews).singleElement().satisfies(r -> assertThat(r).containsEntry("REPORT_MONTH", "2026-11")
        .containsEntry("STARTED_BY", MonthlyReviewRecord.CATCH_UP));
    String november = (String) reviews.get(0).get("PROCESS_INSTANCE_ID");
    assertThat(novemberReviews()).extracting(ProcessInstance::getId).containsExactly(november);
    assertThat(bean(ManagementService.class).createJobQuery().processInstanceId(november)
        .activityId(TIMER_FIRST_WORKING_DAY).singleResult().getDuedate()).isEqualTo(date("2026-12-02T10:00+08:00"));
    // the schedule's own timer, overdue since the 1st, fires late: November has its review, so that one ends at once
    bean(ManagementService.class).executeJob(scheduleTimer().getId());
    assertThat(bean(HistoryService.class).createHistoricActivityInstanceQuery()
        .activityId(END_EVENT_ALREADY_REVIEWED).count()).isEqualTo(1);
    assertThat(novemberReviews()).extracting(ProcessInstance::getId).containsExactly(november);
    stop();

    // 4. a second restart the same day: nothing more, the same review still waiting
    ClockUtil.setCurrentTime(date("2026-12-02T11:00+08:00"));
    running = start();
    assertThat(reviews()).singleElement().satisfies(r -> assertThat(r)
        .containsEntry("PROCESS_INSTANCE_ID", november).containsEntry("STARTED_BY", MonthlyReviewRecord.CATCH_UP));
    assertThat(novemberReviews()).extracting(ProcessInstance::getId).containsExactly(november);
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
        .isEqualTo(1);
    assertThat(bean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .count()).as("the late timer's review and November's").isEqualTo(2);
  }

  /** The application as production starts it, on this test's file database, with the catch-up on. */
  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ServiceLoopApplication.class).profiles("test").run(
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("serviceloop").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "--spring.datasource.username=sa", "--spring.datasource.password=",
        "--serviceloop.review.catch-up-enabled=true",
        "--camunda.bpm.process-engine-name=restart",
        // nor do Camunda's web apps (not what is tested here): their bootstraps keep the apps' runtime in
        // static fields (Cockpit, Tasklist, Admin, Welcome) and clear them when a context closes, which would
        // leave the suite's shared application with web apps that answer 500
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0", "--management.server.port=0");
  }

  void stop() {
    running.close();
    running = null;
  }

  <T> T bean(Class<T> type) {
    return running.getBean(type);
  }

  JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  List<Map<String, Object>> reviews() {
    return jdbc().queryForList("SELECT report_month, process_instance_id, started_by FROM sl_monthly_review");
  }

  List<ProcessInstance> novemberReviews() {
    return bean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
        .variableValueEquals(REPORT_MONTH, "2026-11").list();
  }

  Job scheduleTimer() {
    return bean(ManagementService.class).createJobQuery().processDefinitionKey(SCHEDULE_PROCESS_ID).timers()
        .singleResult();
  }

  static Date date(String at) {
    return Date.from(OffsetDateTime.parse(at).toInstant());
  }
}
