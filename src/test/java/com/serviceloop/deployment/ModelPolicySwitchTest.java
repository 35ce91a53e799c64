package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.calendar.WorkingTimeCalendar;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * serviceloop.deployment.model-policy.enabled=false (an administrator's configuration): the model policy is
 * off — a script task passes the gate — while the "cannot run" checks still refuse. The gate is run here on a
 * deployment inside an engine command, as the engine runs it, once with the policy on and once off.
 */
@ServiceLoopTest
class ModelPolicySwitchTest {

  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext context;
  @Autowired WorkingTimeCalendar calendar;

  @AfterEach
  void clearUser() {
    identityService.clearAuthentication();
  }

  static String scriptTask(String decisionRef) {
    var builder = Bpmn.createExecutableProcess("policy-probe").name("Policy probe").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe").name("Start")
        .scriptTask("Task_Script").name("Script").scriptFormat("javascript").scriptText("1");
    return Bpmn.convertToString((decisionRef == null ? builder
        : builder.businessRuleTask("Task_Decide").name("Decide").camundaDecisionRef(decisionRef))
        .endEvent("EndEvent_Probe").name("End").done());
  }

  void gate(boolean policy, String model) {
    DeploymentGate gate = new DeploymentGate(() -> PublishedBeans.of(context, PublishedBeans.EXPLICIT),
        () -> calendar, policy);
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setNew(true);
    deployment.setName("policy-probe");
    ResourceEntity resource = new ResourceEntity();
    resource.setName("policy-probe.bpmn");
    resource.setBytes(model.getBytes(StandardCharsets.UTF_8));
    deployment.addResource(resource);
    identityService.setAuthenticatedUserId("owner1");
    ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          gate.deploy(deployment);
          return null;
        });
  }

  @Test
  void withThePolicyOffScriptsPassButWhatCannotRunIsStillRefused() {
    assertThatThrownBy(() -> gate(true, scriptTask(null)))
        .isInstanceOf(DeploymentRefusedException.class).hasMessageContaining("Task_Script: script task");
    gate(false, scriptTask(null)); // no refusal

    assertThatThrownBy(() -> gate(false, scriptTask("no-such-decision")))
        .isInstanceOf(DeploymentRefusedException.class)
        .hasMessageContaining("Task_Decide: names decision 'no-such-decision'")
        .hasMessageNotContaining("script task");
  }

  @Test
  void theApplicationsOwnModelsPassTheGate() throws Exception {
    for (String file : new String[] {"processes/complaint-handling.bpmn", "processes/return-visit.bpmn",
        "processes/broadband-installation.bpmn", "processes/fault-repair.bpmn", "processes/escalation.bpmn",
        "processes/monthly-service-review.bpmn"}) {
      gate(true, ModelerClient.file(file));
    }
    assertThat(PublishedBeans.of(context, PublishedBeans.EXPLICIT).names())
        .contains("workingTimeCalendar", "requestEscalation", "recordBreach", "checkCoverage", "notifyCustomer")
        .doesNotContain("dataSource", "modelDeployer", "complaintController", "jdbcTemplate");
  }
}
