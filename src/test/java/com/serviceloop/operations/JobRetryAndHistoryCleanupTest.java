package com.serviceloop.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ServiceLoopTest;
import java.io.File;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * issue 10: failed jobs made 3 attempts within about a second and became incidents; history was never
 * cleaned up. The global retry cycle (R5/PT1M unless SERVICELOOP_JOB_RETRY_CYCLE) and the nightly window.
 */
@ServiceLoopTest
class JobRetryAndHistoryCleanupTest {

  static final String PROCESS = "ops-retry-probe";
  /** the delegates that call one of the operator's systems (an external port), by process model */
  static final List<String> EXTERNAL_PORT_DELEGATES = List.of("${enterOrderInOrderSystem}");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  Deployment deployment;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aFailingAsynchronousStepIsRetriedFiveTimesAMinuteApartBeforeItBecomesAnIncident() {
    // an asynchronous step whose "port" is down: the expression cannot be resolved
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Retry probe")
        .camundaHistoryTimeToLive(1)
        .startEvent().name("Start")
        .serviceTask("ServiceTask_CallPort").name("Call the port").camundaAsyncBefore()
        .camundaExpression("${portThatIsDown.call()}")
        .endEvent().name("End").done();
    deployment = repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
        .deploy();
    String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    Date start = new Date();
    ClockUtil.setCurrentTime(start);

    int attempts = 0;
    for (int expectedRetries = 4; expectedRetries >= 0; expectedRetries--) {
      Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("portThatIsDown");
      attempts++;
      Job failed = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(failed.getRetries()).isEqualTo(expectedRetries);
      if (expectedRetries > 0) {
        // not due again before a minute has passed
        assertThat(failed.getDuedate()).isCloseTo(
            new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(1).toMillis()), 1_000);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        ClockUtil.setCurrentTime(failed.getDuedate());
      }
    }
    assertThat(attempts).isEqualTo(5);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
  }

  @Test
  void everyStepThatCallsAnExternalPortIsAsynchronousSoTheRetryCycleApplies() {
    File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
    assertThat(files).isNotEmpty();
    int found = 0;
    for (File file : files) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (EXTERNAL_PORT_DELEGATES.contains(task.getCamundaDelegateExpression())) {
          found++;
          assertThat(task.isCamundaAsyncBefore()).as("%s %s is asyncBefore", file.getName(), task.getId()).isTrue();
        }
      }
    }
    assertThat(found).as("service tasks calling an external port").isGreaterThanOrEqualTo(1);
  }

  @Test
  void historyCleanupIsScheduledInTheNightlyWindow() {
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).isNotEmpty();
    for (Job job : cleanup) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("due %s", job.getDuedate()).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    }
  }
}
