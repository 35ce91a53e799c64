package com.serviceloop.deployment;

import static com.serviceloop.deployment.ModelerClient.INTAKE;
import static com.serviceloop.deployment.ModelerClient.PW;
import static com.serviceloop.deployment.ModelerClient.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Deploying is the process owners' right (and administrators'): anyone else gets 403 on deployment create
 * and delete. Every deployment and deletion is in the trail, which auditors read.
 */
@ServiceLoopTest
class DeploymentRightsTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  ModelerClient modeler;

  @BeforeEach
  void client() {
    modeler = new ModelerClient(rest, runtimeService, historyService, identityService);
  }

  static String changedForm() {
    return file("forms/return-visit.form")
        .replaceFirst("\"label\": \"", "\"label\": \"(rights test) ");
  }

  @Test
  void onlyProcessOwnersDeployAndAuditorsSeeTheTrail() {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String[] user : new String[][] {{INTAKE, PW}, {"auditor1", "demo"}, {"supervisor1", "demo"}}) {
      ResponseEntity<JsonNode> refused = modeler.deploy(user[0], user[1], "return-visit.form", changedForm());
      assertThat(refused.getStatusCode()).as(user[0]).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("message").asText()).contains(user[0]).contains("CREATE").contains("Deployment");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    JsonNode deployed = ModelerClient.deployed(modeler.deploy("owner1", "demo", "return-visit.form", changedForm()));
    String id = deployed.get("id").asText();
    try {
      ResponseEntity<JsonNode> listed = rest.withBasicAuth("auditor1", "demo")
          .getForEntity("/engine-rest/deployment?source=" + ModelerClient.MODELER, JsonNode.class);
      assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
      List<String> ids = new ArrayList<>();
      listed.getBody().forEach(d -> ids.add(d.get("id").asText()));
      assertThat(ids).contains(id);

      JsonNode trail = rest.withBasicAuth("auditor1", "demo").getForEntity("/api/deployments/trail", JsonNode.class)
          .getBody();
      JsonNode entry = null;
      for (JsonNode d : trail.get("deployments")) {
        if (d.get("deploymentId").asText().equals(id)) {
          entry = d;
        }
      }
      assertThat(entry).as("deployment %s in the trail", id).isNotNull();
      assertThat(entry.get("deployedBy").asText()).isEqualTo("owner1");
      assertThat(entry.get("source").asText()).isEqualTo(ModelerClient.MODELER);
      assertThat(entry.get("deployedAt").asText()).isNotBlank();
      assertThat(entry.get("resources")).hasSize(1);
      assertThat(entry.get("resources").get(0).get("resource").asText()).isEqualTo("return-visit.form");
      assertThat(entry.get("resources").get(0).get("change").asText()).isEqualTo("CHANGED");
      assertThat(entry.get("resources").get(0).get("definitions").asText()).startsWith("form return-visit v");

      JsonNode live = rest.withBasicAuth("auditor1", "demo").getForEntity("/api/deployments/live", JsonNode.class)
          .getBody();
      boolean found = false;
      for (JsonNode model : live) {
        if (model.get("kind").asText().equals("FORM") && model.get("key").asText().equals("return-visit")) {
          assertThat(model.get("deploymentId").asText()).isEqualTo(id);
          found = true;
        }
      }
      assertThat(found).isTrue();
      assertThat(rest.withBasicAuth(INTAKE, PW).getForEntity("/api/deployments/trail", JsonNode.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

      // deleting: a right of the owners too
      assertThat(rest.withBasicAuth("auditor1", "demo").exchange("/engine-rest/deployment/" + id, HttpMethod.DELETE,
          null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth("owner1", "demo").exchange("/engine-rest/deployment/" + id, HttpMethod.DELETE,
          null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      JsonNode after = rest.withBasicAuth("auditor1", "demo").getForEntity("/api/deployments/trail", JsonNode.class)
          .getBody();
      boolean deletion = false;
      for (JsonNode d : after.get("deletions")) {
        if (d.get("deploymentId").asText().equals(id)) {
          assertThat(d.get("deletedBy").asText()).isEqualTo("owner1");
          deletion = true;
        }
      }
      assertThat(deletion).as("deletion of %s in the trail", id).isTrue();
    } finally {
      if (repositoryService.createDeploymentQuery().deploymentId(id).count() > 0) {
        repositoryService.deleteDeployment(id, true);
      }
    }
  }
}
