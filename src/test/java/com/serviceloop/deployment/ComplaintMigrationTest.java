package com.serviceloop.deployment;

import static com.serviceloop.deployment.ModelerClient.JSON;
import static com.serviceloop.deployment.ModelerClient.NETWORK;
import static com.serviceloop.deployment.ModelerClient.OWNER;
import static com.serviceloop.deployment.ModelerClient.PW;
import static com.serviceloop.deployment.ModelerClient.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.complaint.ComplaintProcess;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The migration recipe of docs/decisions.md, as a process owner runs it over the engine REST API: generate a
 * plan from the running version to the new one, execute it for the complaints concerned. A compatible change
 * (a task renamed) moves complaints waiting at first contact, and they finish on the new version; an
 * incompatible one (the activity they wait at removed) is refused with the reason, and nothing moves.
 */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class ComplaintMigrationTest {

  static final String RESOLVE_NAME = "name=\"处理并查究责任 Resolve complaint\"";
  static final String RENAMED = "处理并查究责任 Resolve and find who is responsible";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  ModelerClient modeler;
  NewDeployments deployed;

  @BeforeEach
  void client() {
    modeler = new ModelerClient(rest, runtimeService, historyService, identityService);
    deployed = new NewDeployments(repositoryService);
  }

  @AfterEach
  void deleteWhatThisTestDeployed() {
    deployed.delete();
  }

  ResponseEntity<JsonNode> post(String path, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(OWNER, PW).postForEntity("/engine-rest" + path,
        new HttpEntity<>(body.toString(), headers), JsonNode.class);
  }

  /** Step 1 of the recipe: POST /migration/generate (equal activities mapped, timers updated). */
  JsonNode plan(String source, String target) {
    ObjectNode request = JSON.createObjectNode().put("sourceProcessDefinitionId", source)
        .put("targetProcessDefinitionId", target).put("updateEventTriggers", true);
    ResponseEntity<JsonNode> plan = post("/migration/generate", request);
    assertThat(plan.getStatusCode()).as("%s", plan.getBody()).isEqualTo(HttpStatus.OK);
    return plan.getBody();
  }

  /** Step 2: POST /migration/execute for the given complaints. */
  ResponseEntity<JsonNode> execute(JsonNode plan, List<String> instances) {
    ObjectNode request = JSON.createObjectNode();
    request.set("migrationPlan", plan);
    instances.forEach(request.putArray("processInstanceIds")::add);
    return post("/migration/execute", request);
  }

  String deployedDefinition(String content) {
    JsonNode deployed = ModelerClient.deployed(modeler.deploy(OWNER, PW, "complaint-handling.bpmn", content));
    return deployed.get("deployedProcessDefinitions").fieldNames().next();
  }

  @Test
  void complaintsWaitingAtFirstContactMoveToAVersionWithATaskRenamedAndFinishOnIt() {
    JsonNode first = modeler.record("2026-11-20T17:00+08:00");
    JsonNode second = modeler.record("2026-11-20T17:00+08:00");
    String old = modeler.definitionOf(first);
    String model = file("processes/complaint-handling.bpmn");
    assertThat(model).contains(RESOLVE_NAME);
    String renamed = deployedDefinition(model.replace(RESOLVE_NAME, "name=\"" + RENAMED + "\""));

    JsonNode plan = plan(old, renamed);
    List<String> instances = List.of(first.get("processInstanceId").asText(), second.get("processInstanceId").asText());
    ResponseEntity<JsonNode> executed = execute(plan, instances);
    assertThat(executed.getStatusCode()).as("%s", executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    for (JsonNode complaint : List.of(first, second)) {
      assertThat(modeler.definitionOf(complaint)).isEqualTo(renamed);
      String instance = complaint.get("processInstanceId").asText();
      JsonNode waiting = modeler.task(NETWORK, PW, instance, ComplaintProcess.Task_FirstContact);
      assertThat(waiting.get("processDefinitionId").asText()).isEqualTo(renamed);
      modeler.submit(NETWORK, PW, waiting.get("id").asText(), java.util.Map.of(
          "contactResult", "REACHED", "contactNote", "已联系客户", "needsOnSiteVisit", false));
      // the next task is created from the new version: its new name
      assertThat(modeler.task(NETWORK, PW, instance, ComplaintProcess.Task_ResolveComplaint).get("name").asText())
          .isEqualTo(RENAMED);
      modeler.workThroughForms(complaint, "回访客户 Call customer back");
      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(complaint.get("processInstanceId").asText()).singleResult().getProcessDefinitionId())
          .isEqualTo(renamed);
    }
  }

  @Test
  void aVersionWithoutTheActivityTheyWaitAtIsRefusedWithTheReason() {
    JsonNode waiting = modeler.record("2026-11-20T17:00+08:00");
    String old = modeler.definitionOf(waiting);
    // the first-contact task replaced by a differently identified one: the running version's task is gone
    String removed = deployedDefinition(file("processes/complaint-handling.bpmn")
        .replace("\"Task_FirstContact\"", "\"Task_ContactCustomer\"")
        .replace(">Task_FirstContact<", ">Task_ContactCustomer<"));

    ResponseEntity<JsonNode> refused = execute(plan(old, removed), List.of(waiting.get("processInstanceId").asText()));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("type").asText()).isEqualTo("MigratingProcessInstanceValidationException");
    assertThat(refused.getBody().toString()).contains("Task_FirstContact").contains("no migration instruction");
    assertThat(modeler.definitionOf(waiting)).as("nothing moved").isEqualTo(old);
  }
}
