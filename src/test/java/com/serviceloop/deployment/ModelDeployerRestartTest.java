package com.serviceloop.deployment;

import static com.serviceloop.deployment.ModelerClient.OWNER;
import static com.serviceloop.deployment.ModelerClient.PW;
import static com.serviceloop.deployment.ModelerClient.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.deployment.LiveModels.Kind;
import com.serviceloop.deployment.LiveModels.LiveModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A restart after a Modeler deployment (ModelDeployer run again on the same database, as at start-up):
 * the owner's rule stays live while the repository's file is unchanged, and the log says which version is
 * live and where it came from; once the repository's file changes, the application deploys it and the log
 * says which Modeler version it replaced. Intake works throughout.
 */
@ServiceLoopTest
@ExtendWith(OutputCaptureExtension.class)
@EngineClockAt("2026-11-20T17:10+08:00")
class ModelDeployerRestartTest {

  static final String RULE = "complaint-service-level";
  static final String STANDARD_PRIORITY = "<outputEntry id=\"LiteralExpression_Standard_Priority\"><text>50</text>";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired LiveModels liveModels;

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

  static String withStandardPriority(int priority) {
    String rule = file("dmn/" + RULE + ".dmn");
    assertThat(rule).contains(STANDARD_PRIORITY);
    return rule.replace(STANDARD_PRIORITY, STANDARD_PRIORITY.replace(">50<", ">" + priority + "<"));
  }

  @Test
  void aRestartKeepsTheOwnersRuleUntilTheRepositoryChangesAndTheLogSaysWhichIsLive(CapturedOutput log,
      @TempDir Path checkout) throws IOException {
    LiveModel packaged = liveModels.live(Kind.DECISION, RULE);
    assertThat(packaged.fromApplication()).isTrue();

    JsonNode owners = ModelerClient.deployed(modeler.deploy(OWNER, PW, RULE + ".dmn", withStandardPriority(70)));
    String ownersDeployment = owners.get("id").asText();

    // restart: the packaged models are unchanged since the application deployed them → nothing deployed
    DeploymentWithDefinitions restart = new ModelDeployer(repositoryService, liveModels, "classpath*:").deploy();
    assertThat(restart).isNull();
    LiveModel afterRestart = liveModels.live(Kind.DECISION, RULE);
    assertThat(afterRestart.deploymentId()).isEqualTo(ownersDeployment);
    assertThat(afterRestart.source()).isEqualTo(ModelerClient.MODELER);
    assertThat(afterRestart.deployedBy()).isEqualTo(OWNER);
    assertThat(afterRestart.version()).isEqualTo(packaged.version() + 1);
    assertThat(log.getOut()).contains("none changed since the application last deployed them")
        .contains("Model " + RULE + ": live decision " + RULE + " v" + afterRestart.version() + " (deployment "
            + ownersDeployment)
        .contains("source 'Camunda Modeler'").contains("by " + OWNER)
        .contains("it stays live until that file changes");
    assertThat(modeler.record("2026-11-20T17:00+08:00").get("priority").asInt()).isEqualTo(70);

    // the repository's file changes (priority 60): the next start deploys it — and only it — over the owner's
    for (String folder : new String[] {"processes", "dmn", "forms"}) {
      Files.createDirectories(checkout.resolve(folder));
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path source : files.toList()) {
          Files.copy(source, checkout.resolve(folder).resolve(source.getFileName()));
        }
      }
    }
    Files.writeString(checkout.resolve("dmn/" + RULE + ".dmn"), withStandardPriority(60), StandardCharsets.UTF_8);
    DeploymentWithDefinitions changed =
        new ModelDeployer(repositoryService, liveModels, checkout.toUri().toString()).deploy();
    assertThat(changed).isNotNull();
    assertThat(repositoryService.getDeploymentResourceNames(changed.getId())).containsExactly("dmn/" + RULE + ".dmn");
    LiveModel afterChange = liveModels.live(Kind.DECISION, RULE);
    assertThat(afterChange.deploymentId()).isEqualTo(changed.getId());
    assertThat(afterChange.fromApplication()).isTrue();
    assertThat(log.getOut()).contains("the repository's file changed, so the application deployed it");
    assertThat(modeler.record("2026-11-20T17:00+08:00").get("priority").asInt()).isEqualTo(60);
  }
}
