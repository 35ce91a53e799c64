package com.serviceloop.deployment;

import static com.serviceloop.deployment.ModelerClient.OWNER;
import static com.serviceloop.deployment.ModelerClient.PW;
import static com.serviceloop.deployment.ModelerClient.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deploy gate over HTTP, as Modeler deploys: one refused deployment per rule — 400, the engine REST's
 * parse-error body naming the resource, the element and the problem — and nothing deployed, not even a
 * line of the audit trail. Then the run-time side of the model policy.
 */
@ServiceLoopTest
class DeploymentGateTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  ModelerClient modeler;

  @BeforeEach
  void client() {
    modeler = new ModelerClient(rest, runtimeService, historyService, identityService);
  }

  /** Deploys the file as a process owner; asserts the refusal names the element and the problem. */
  void refused(String fileName, String content, String elementId, String problem) {
    long deployments = repositoryService.createDeploymentQuery().count();
    long audited = jdbc.queryForObject("SELECT COUNT(*) FROM sl_deployment_audit", Long.class);
    ResponseEntity<JsonNode> answer = modeler.deploy(OWNER, PW, fileName, content);

    assertThat(answer.getStatusCode()).as("%s: %s", fileName, answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = answer.getBody();
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).contains(fileName).contains(elementId).contains(problem);
    List<String> errors = new ArrayList<>();
    body.get("details").get(fileName).get("errors").forEach(e -> {
      if (elementId.equals(e.get("mainElementId").asText())) {
        errors.add(e.get("message").asText());
      }
    });
    assertThat(errors).as("problems of %s", elementId).anyMatch(m -> m.contains(problem));
    assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_deployment_audit", Long.class)).isEqualTo(audited);
  }

  static String complaintHandling() {
    return file("processes/complaint-handling.bpmn");
  }

  static String returnVisit() {
    return file("processes/return-visit.bpmn");
  }

  /** A small process with one service task, for the expression and class rules. */
  static String probe(String serviceTaskAttributes) {
    String model = Bpmn.convertToString(Bpmn.createExecutableProcess("gate-probe").name("Gate probe")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe").name("Start")
        .serviceTask("Task_Probe").name("Probe").camundaDelegateExpression("${recordBreach}")
        .endEvent("EndEvent_Probe").name("End")
        .done());
    return model.replace("camunda:delegateExpression=\"${recordBreach}\"", serviceTaskAttributes);
  }

  @Test
  void aDecisionThatDoesNotExist() {
    refused("complaint-handling.bpmn", complaintHandling().replace("camunda:decisionRef=\"complaint-routing\"",
        "camunda:decisionRef=\"complaint-routeing\""), "Task_RouteComplaint", "names decision 'complaint-routeing'");
  }

  @Test
  void aFormThatDoesNotExist() {
    refused("complaint-handling.bpmn", complaintHandling().replace("camunda:formRef=\"complaint-triage\"",
        "camunda:formRef=\"complaint-triaging\""), "Task_TriageComplaint", "names form 'complaint-triaging'");
  }

  @Test
  void aCalledProcessThatDoesNotExist() {
    refused("complaint-handling.bpmn", complaintHandling().replace("calledElement=\"return-visit\"",
        "calledElement=\"return-visits\""), "Task_ReturnVisit", "calls process 'return-visits'");
  }

  @Test
  void aDelegateBeanThatDoesNotExist() {
    refused("complaint-handling.bpmn", complaintHandling().replace("${registerComplaint}", "${registerComplaints}"),
        "Task_RegisterComplaint", "names delegate bean 'registerComplaints'");
  }

  @Test
  void aMessageStepWithoutItsText() {
    String installation = file("processes/broadband-installation.bpmn");
    String cut = installation.replaceFirst(
        "(?s)(<bpmn:serviceTask id=\"ServiceTask_CancelInstallation\"[^>]*>\\s*)<bpmn:extensionElements>.*?</bpmn:extensionElements>",
        "$1");
    assertThat(cut).isNotEqualTo(installation);
    refused("broadband-installation.bpmn", cut, "ServiceTask_CancelInstallation",
        "runs ${cancelInstallation} without its input parameter 'notificationMessage'");
  }

  @Test
  void anUnknownCandidateGroup() {
    refused("complaint-handling.bpmn", complaintHandling().replace("camunda:candidateGroups=\"service-supervision\"",
        "camunda:candidateGroups=\"service-supervisors\""), "Task_TriageComplaint",
        "names candidate group 'service-supervisors'");
  }

  @Test
  void anUnparsableTimer() {
    String model = returnVisit().replaceAll("<bpmn:timeDate [^>]*>[^<]*</bpmn:timeDate>",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT2X</bpmn:timeDuration>");
    assertThat(model).contains("PT2X");
    refused("return-visit.bpmn", model, "Timer_WaitBeforeCallingAgain", "timeDuration 'PT2X' cannot be parsed");
  }

  @Test
  void aMissingHistoryTimeToLive() {
    refused("return-visit.bpmn", returnVisit().replace(" camunda:historyTimeToLive=\"P180D\"", ""), "return-visit",
        "has no historyTimeToLive");
  }

  @Test
  void aUserTaskWithoutAForm() {
    refused("return-visit.bpmn", returnVisit().replace(" camunda:formRef=\"return-visit\"", "")
        .replace(" camunda:formRefBinding=\"latest\"", ""), "Task_CallCustomer", "user task without a form");
  }

  @Test
  void aScriptTask() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("gate-probe").name("Gate probe")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Probe").name("Start")
        .scriptTask("Task_Script").name("Script").scriptFormat("groovy").scriptText("java.lang.System.exit(1)")
        .endEvent("EndEvent_Probe").name("End")
        .done();
    refused("gate-probe.bpmn", Bpmn.convertToString(model), "Task_Script", "script task");
  }

  @Test
  void aScriptListener() {
    String model = probe("camunda:delegateExpression=\"${recordBreach}\"").replaceFirst("(<serviceTask[^>]*>)",
        "$1<extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat="
            + "\"javascript\">java.lang.System.exit(1)</camunda:script></camunda:executionListener>"
            + "</extensionElements>");
    assertThat(model).contains("camunda:script");
    refused("gate-probe.bpmn", model, "Task_Probe", "script (camunda:script)");
  }

  @Test
  void anExpressionThatReachesGetClass() {
    refused("gate-probe.bpmn",
        probe("camunda:expression=\"${execution.getClass().forName('java.lang.System').getMethod('exit')}\""),
        "Task_Probe", "reaches 'getClass'");
  }

  @Test
  void aClassOutsideTheProject() {
    refused("gate-probe.bpmn", probe("camunda:class=\"org.example.Evil\""), "Task_Probe",
        "camunda:class 'org.example.Evil'");
  }

  @Test
  void aBeanThatIsNotPublished() {
    refused("gate-probe.bpmn", probe("camunda:expression=\"${dataSource.getConnection()}\""), "Task_Probe",
        "names bean 'dataSource', which is not published");
  }

  @Test
  void aMethodCallOnAProcessVariable() {
    refused("gate-probe.bpmn", probe("camunda:expression=\"${description.getBytes()}\""), "Task_Probe",
        "calls method 'getBytes' on 'description', which is not a published bean");
  }

  @Test
  void aDecisionWithAScriptLanguage() {
    String dmn = file("dmn/complaint-service-level.dmn")
        .replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"javascript\" ");
    refused("complaint-service-level.dmn", dmn, "InputExpression_Category", "expression language 'javascript'");
  }

  @Test
  void aRuleWithADurationTheCalendarCannotCount() {
    String dmn = file("dmn/complaint-service-level.dmn").replace(
        "<outputEntry id=\"LiteralExpression_Standard_ClosureLimit\"><text>\"P7D\"</text>",
        "<outputEntry id=\"LiteralExpression_Standard_ClosureLimit\"><text>\"7 days\"</text>");
    refused("complaint-service-level.dmn", dmn, "Rule_Standard", "closureLimit '7 days'");
  }

  @Test
  void theShippedDecisionRequirementsGraphPassedTheGateAtStart() {
    // ModelDeployer's deployment goes through the gate: the three decisions of dmn/escalation-level.dmn are live,
    // as one decision requirements definition
    List<String> keys = List.of("escalation-level", "escalation-next-level", "escalation-level-properties");
    keys.forEach(key -> assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult().getDecisionRequirementsDefinitionKey()).as(key)
        .isEqualTo("Definitions_EscalationLevel"));
  }

  @Test
  void aRequiredDecisionsRowWithADurationTheCalendarCannotCount() {
    String dmn = file("dmn/escalation-level.dmn").replace(
        "<outputEntry id=\"LiteralExpression_Level2_DepartmentManager_ResponseLimit\"><text>\"PT4H\"</text>",
        "<outputEntry id=\"LiteralExpression_Level2_DepartmentManager_ResponseLimit\"><text>\"4 hours\"</text>");
    refused("escalation-level.dmn", dmn, "Rule_Level2_DepartmentManager", "responseLimit '4 hours'");
  }

  @Test
  void aValuePassedOnThatNoRequiredDecisionDecides() {
    // escalation-level passes on the outputs of the decisions it requires; a name that none of them outputs is
    // checked like any other value
    String dmn = file("dmn/escalation-level.dmn").replace(
        "<outputEntry id=\"LiteralExpression_NextLevelWithProperties_ResponseLimit\"><text>responseLimit</text>",
        "<outputEntry id=\"LiteralExpression_NextLevelWithProperties_ResponseLimit\"><text>responseLimt</text>");
    refused("escalation-level.dmn", dmn, "Rule_NextLevelWithProperties", "responseLimit 'responseLimt'");
  }

  @Test
  void aRuleThatRoutesToAnUnknownGroup() {
    String dmn = file("dmn/complaint-routing.dmn").replaceFirst("\"dept-network-assurance\"", "\"dept-network-assurence\"");
    refused("complaint-routing.dmn", dmn, "Rule_NetworkPublic", "names group 'dept-network-assurence'");
  }

  @Test
  void atRunTimeExpressionsResolveOnlyPublishedBeansAndNeverReflection() {
    // deployed by code inside the application (no user): not gated — the engine's expression manager is the
    // second line
    String unpublished = repositoryService.createDeployment().name("gate-runtime-test")
        .addString("runtime-probe.bpmn", probe("camunda:expression=\"${dataSource.getConnection()}\"")
            .replace("gate-probe", "runtime-probe-bean"))
        .addString("runtime-probe-reflection.bpmn", probe("camunda:expression=\"${execution.getClass()}\"")
            .replace("gate-probe", "runtime-probe-reflection"))
        .deploy().getId();
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("runtime-probe-bean"))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dataSource");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("runtime-probe-reflection"))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("getClass");
    } finally {
      repositoryService.deleteDeployment(unpublished, true);
    }
  }
}
