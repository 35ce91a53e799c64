package com.serviceloop.deployment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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

  /** A deployment without an audit row (HashMap.computeIfAbsent keeps no null). */
  private static final String NOBODY = "";

  private final ProcessEngineConfigurationImpl engine;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  public LiveModels(ProcessEngine processEngine, JdbcTemplate jdbc) {
    this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.repositoryService = processEngine.getRepositoryService();
    this.jdbc = jdbc;
  }

  /** One model by its kind and key. */
  public record ModelKey(Kind kind, String key) {}

  /** The live version of the model, or null when none is deployed. */
  public LiveModel live(Kind kind, String key) {
    return live(List.of(new ModelKey(kind, key))).get(new ModelKey(kind, key));
  }

  /**
   * The live versions of the models (absent: none deployed), in one command: the latest decisions in one query,
   * each deployment and who deployed it once (at start-up 47 models of one deployment: 33 queries instead of 141).
   */
  public Map<ModelKey, LiveModel> live(Collection<ModelKey> models) {
    return engine.getCommandExecutorTxRequired().execute(commandContext -> commandContext.runWithoutAuthorization(
        () -> {
          Map<String, DecisionDefinition> decisions = new HashMap<>();
          if (models.stream().anyMatch(m -> m.kind() == Kind.DECISION)) {
            repositoryService.createDecisionDefinitionQuery().withoutTenantId().latestVersion().list()
                .forEach(d -> decisions.put(d.getKey(), d));
          }
          Map<String, Deployment> deployments = new HashMap<>();
          Map<String, String> deployers = new HashMap<>();
          Map<ModelKey, LiveModel> live = new LinkedHashMap<>();
          for (ModelKey model : models) {
            String key = model.key();
            ResourceDefinition definition = switch (model.kind()) {
              // the engine's manager, not the public query: the query parses each BPMN into the deployment cache
              // to read its documentation (enableFetchProcessDefinitionDescription), ~0.3 s a process at start-up
              case PROCESS -> commandContext.getProcessDefinitionManager()
                  .findLatestProcessDefinitionByKeyAndTenantId(key, null);
              case DECISION -> decisions.get(key);
              // RepositoryService has no query for Camunda Form definitions (7.24): the engine's own manager
              case FORM -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
            };
            if (definition == null) {
              continue;
            }
            Deployment deployment = deployments.computeIfAbsent(definition.getDeploymentId(),
                id -> repositoryService.createDeploymentQuery().deploymentId(id).singleResult());
            String by = deployers.computeIfAbsent(deployment.getId(), id -> jdbc.queryForList(
                "SELECT deployed_by FROM sl_deployment_audit WHERE deployment_id = ?", String.class, id)
                .stream().findFirst().orElse(NOBODY));
            live.put(model, new LiveModel(model.kind(), key, definition.getVersion(), definition.getResourceName(),
                deployment.getId(), deployment.getName(), deployment.getSource(),
                deployment.getDeploymentTime().toInstant(), by.equals(NOBODY) ? null : by));
          }
          return live;
        }));
  }
}
