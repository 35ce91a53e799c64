package com.serviceloop.deployment;

import java.time.Instant;
import java.util.List;
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

  /** The live version of the model, or null when none is deployed. */
  public LiveModel live(Kind kind, String key) {
    return engine.getCommandExecutorTxRequired().execute(commandContext -> commandContext.runWithoutAuthorization(
        () -> {
          ResourceDefinition definition = switch (kind) {
            // the engine's manager, not the public query: the query parses each BPMN into the deployment cache
            // to read its documentation (enableFetchProcessDefinitionDescription), ~0.3 s a process at start-up
            case PROCESS -> commandContext.getProcessDefinitionManager()
                .findLatestProcessDefinitionByKeyAndTenantId(key, null);
            case DECISION -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
            // RepositoryService has no query for Camunda Form definitions (7.24): the engine's own manager
            case FORM -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
          };
          if (definition == null) {
            return null;
          }
          Deployment deployment = repositoryService.createDeploymentQuery()
              .deploymentId(definition.getDeploymentId()).singleResult();
          List<String> by = jdbc.queryForList("SELECT deployed_by FROM sl_deployment_audit WHERE deployment_id = ?",
              String.class, deployment.getId());
          return new LiveModel(kind, key, definition.getVersion(), definition.getResourceName(), deployment.getId(),
              deployment.getName(), deployment.getSource(), deployment.getDeploymentTime().toInstant(),
              by.isEmpty() ? null : by.get(0));
        }));
  }
}
