package com.serviceloop.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which version of a model is live — the latest version of its key, which is what the next case uses
 * (every binding is "latest", docs/decisions.md) — and where it came from: its deployment, the deployment's
 * source ("ServiceLoop application", "Camunda Modeler", …), time and the user who deployed it (the audit trail).
 * Read without the caller's authorizations: callers check access themselves.
 */
@Component
public class LiveModels {

  public enum Kind { PROCESS, DECISION, FORM }

  /** The live version of one model. */
  public record LiveModel(Kind kind, String key, int version, String resourceName, String deploymentId,
      String deploymentName, String source, Instant deployedAt, String deployedBy) {

    public boolean fromApplication() {
      return ModelDeployer.SOURCE.equals(source);
    }

    public String describe() {
      return kind.name().toLowerCase() + " " + key + " v" + version + " (deployment " + deploymentId + " '"
          + deploymentName + "', source '" + source + "', " + deployedAt + (deployedBy == null ? "" : ", by "
          + deployedBy) + ", resource " + resourceName + ")";
    }
  }

  private final ProcessEngineConfigurationImpl engine;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public LiveModels(ProcessEngine processEngine, JdbcTemplate jdbc) {
    this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.repositoryService = processEngine.getRepositoryService();
    this.jdbc = jdbc;
  }

  /** A model by kind and key. */
  public record ModelKey(Kind kind, String key) {}

  /** The live version of the model, or null when none is deployed. */
  public LiveModel live(Kind kind, String key) {
    return live(List.of(new ModelKey(kind, key))).get(0);
  }

  /**
   * The live versions of several models (null where none is deployed), in the order asked, in one engine
   * command: the latest process and decision definitions are one query each, a deployment and its audit row
   * are read once however many of the models it holds.
   */
  public List<LiveModel> live(List<ModelKey> models) {
    return engine.getCommandExecutorTxRequired().execute(commandContext -> commandContext.runWithoutAuthorization(
        () -> {
          Map<String, ResourceDefinition> processes = new HashMap<>();
          Map<String, ResourceDefinition> decisions = new HashMap<>();
          if (models.stream().anyMatch(m -> m.kind() == Kind.PROCESS)) {
            repositoryService.createProcessDefinitionQuery().withoutTenantId().latestVersion().list()
                .forEach(d -> processes.put(d.getKey(), d));
          }
          if (models.stream().anyMatch(m -> m.kind() == Kind.DECISION)) {
            repositoryService.createDecisionDefinitionQuery().withoutTenantId().latestVersion().list()
                .forEach(d -> decisions.put(d.getKey(), d));
          }
          Map<String, Deployment> deployments = new HashMap<>();
          Map<String, List<String>> deployedBy = new HashMap<>();
          List<LiveModel> live = new ArrayList<>();
          for (ModelKey model : models) {
            ResourceDefinition definition = switch (model.kind()) {
              case PROCESS -> processes.get(model.key());
              case DECISION -> decisions.get(model.key());
              // RepositoryService has no query for Camunda Form definitions (7.24): the engine's own manager
              case FORM -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(model.key());
            };
            if (definition == null) {
              live.add(null);
              continue;
            }
            Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
                id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
            List<String> by = deployedBy.computeIfAbsent(deployment.getId(), id -> jdbc.queryForList(
                "SELECT deployed_by FROM sl_deployment_audit WHERE deployment_id = ?", String.class, id));
            live.add(new LiveModel(model.kind(), model.key(), definition.getVersion(), definition.getResourceName(),
                deployment.getId(), deployment.getName(), deployment.getSource(),
                deployment.getDeploymentTime().toInstant(), by.isEmpty() ? null : by.get(0)));
          }
          return live;
        }));
  }
}
