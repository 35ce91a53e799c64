package com.serviceloop.deployment;

import static com.serviceloop.deployment.ModelerClient.file;
import static com.serviceloop.deployment.ModelerClient.OWNER;
import static com.serviceloop.deployment.ModelerClient.INTAKE;
import static com.serviceloop.deployment.ModelerClient.NETWORK;
import static com.serviceloop.deployment.ModelerClient.PW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.complaint.ComplaintProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8's findings, reproduced as a process owner does it: each model file deployed alone from Camunda
 * Modeler (over HTTP, exactly as Modeler sends it) never breaks intake, and the next case uses the change —
 * a process its live decisions and forms, a rule the next evaluation, a form the next task shown; a
 * complaint already running finishes. Every deployment made here is deleted afterwards.
 */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class ModelerDeploymentTest {

  static final String FRIDAY_17_00 = "2026-11-20T17:00+08:00";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  ModelerClient modeler;
  NewDeployments deployed;

  @BeforeEach
  void users() {
    modeler = new ModelerClient(rest, runtimeService, historyService, identityService);
    deployed = new NewDeployments(repositoryService);
  }

  @AfterEach
  void deleteWhatThisTestDeployed() {
    deployed.delete();
  }

  @Test
  void eachFileDeployedAloneFromModelerIsUsedByTheNextCaseAndRunningComplaintsFinish() {
    JsonNode running = modeler.record(FRIDAY_17_00);
    String runningDefinition = modeler.definitionOf(running);
    assertThat(running.get("priority").asInt()).isEqualTo(50);

    // 1. complaint-handling.bpmn alone: intake keeps working, on the new version, with the live decisions and forms
    JsonNode process = ModelerClient.deployed(modeler.deploy(OWNER, PW, "complaint-handling.bpmn",
        file("processes/complaint-handling.bpmn")));
    String newDefinition = process.get("deployedProcessDefinitions").fieldNames().next();
    assertThat(newDefinition).isNotEqualTo(runningDefinition);
    JsonNode afterProcess = modeler.record(FRIDAY_17_00);
    assertThat(modeler.definitionOf(afterProcess)).isEqualTo(newDefinition);
    ResponseEntity<JsonNode> startForm = rest.withBasicAuth(INTAKE, PW).getForEntity(
        "/engine-rest/process-definition/key/complaint-handling/deployed-start-form", JsonNode.class);
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody().get("id").asText()).isEqualTo("complaint-intake");

    // 2. a changed rule alone: the fallback row's priority 50 → 70 and closure limit P7D → P5D
    String rule = file("dmn/complaint-service-level.dmn")
        .replace("<outputEntry id=\"LiteralExpression_Standard_Priority\"><text>50</text>",
            "<outputEntry id=\"LiteralExpression_Standard_Priority\"><text>70</text>")
        .replace("<outputEntry id=\"LiteralExpression_Standard_ClosureLimit\"><text>\"P7D\"</text>",
            "<outputEntry id=\"LiteralExpression_Standard_ClosureLimit\"><text>\"P5D\"</text>");
    assertThat(rule).contains("<text>70</text>").contains("\"P5D\"");
    assertThat(ModelerClient.deployed(modeler.deploy(OWNER, PW, "complaint-service-level.dmn", rule))
        .get("deployedDecisionDefinitions").size()).isEqualTo(1);
    JsonNode afterRule = modeler.record(FRIDAY_17_00);
    assertThat(afterRule.get("priority").asInt()).isEqualTo(70);
    assertThat(afterRule.get("deadlines").get("closureDue").asText()).startsWith("2026-11-25T17:00");
    assertThat(running.get("deadlines").get("closureDue").asText()).startsWith("2026-11-27T17:00");

    // 3. a changed form alone: the next time a first-contact task is shown — also the one already waiting
    String form = file("forms/complaint-first-contact.form")
        .replace("\"工单号 Order number\"", "\"投诉工单号 Complaint order number\"");
    assertThat(form).contains("投诉工单号");
    ModelerClient.deployed(modeler.deploy(OWNER, PW, "complaint-first-contact.form", form));
    for (JsonNode complaint : new JsonNode[] {running, afterRule}) {
      JsonNode task = modeler.task(NETWORK, PW, complaint.get("processInstanceId").asText(),
          ComplaintProcess.Task_FirstContact);
      assertThat(modeler.deployedForm(NETWORK, PW, task.get("id").asText()).getBody().toString())
          .contains("投诉工单号 Complaint order number");
    }

    // 4. return-visit.bpmn (its task renamed), with its form as an "additional file": the next return visit
    //    runs it — with a Tasklist form — for new and running complaints alike
    Map<String, String> files = new LinkedHashMap<>();
    files.put("return-visit.bpmn", file("processes/return-visit.bpmn")
        .replace("name=\"回访客户 Call customer back\"", "name=\"回访客户 Call the customer back\""));
    files.put("return-visit.form", file("forms/return-visit.form"));
    ModelerClient.deployed(modeler.deploy(OWNER, PW, "return-visit", files));

    // end to end through the forms: the newest complaint, then the one that was running all along
    modeler.workThroughForms(afterRule, "回访客户 Call the customer back");
    modeler.workThroughForms(running, "回访客户 Call the customer back");
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(running.get("processInstanceId").asText()).singleResult().getProcessDefinitionId())
        .as("a running complaint keeps its process version").isEqualTo(runningDefinition);
    ProcessDefinition live = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("return-visit").latestVersion().singleResult();
    assertThat(repositoryService.createDeploymentQuery().deploymentId(live.getDeploymentId()).singleResult()
        .getSource()).isEqualTo(ModelerClient.MODELER);
  }

  @Test
  void returnVisitDeployedAloneGivesItsTaskItsForm() {
    JsonNode complaint = modeler.record(FRIDAY_17_00);
    ModelerClient.deployed(modeler.deploy(OWNER, PW, "return-visit.bpmn", file("processes/return-visit.bpmn")));
    modeler.workThroughForms(complaint, "回访客户 Call customer back");
  }
}
