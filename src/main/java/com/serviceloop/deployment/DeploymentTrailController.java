package com.serviceloop.deployment;

import static com.serviceloop.security.ServiceLoopGroups.AUDITORS;
import static com.serviceloop.security.ServiceLoopGroups.PROCESS_OWNERS;

import com.serviceloop.api.InvalidInputException;
import com.serviceloop.api.FieldError;
import com.serviceloop.deployment.LiveModels.Kind;
import com.serviceloop.deployment.LiveModels.LiveModel;
import com.serviceloop.security.ApiCaller;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment trail for auditors and process owners (read only): GET /api/deployments/trail — every
 * deployment, who made it, when, which resources it changed, and every deletion (from the engine's user
 * operation log); GET /api/deployments/live — the live version of every model and where it came from.
 */
@RestController
@RequestMapping(path = "/api/deployments", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor
public class DeploymentTrailController {

  static final int MAX_RESULTS = 500;

  private final ApiCaller caller;
  private final JdbcTemplate jdbc;
  private final LiveModels liveModels;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final ProcessEngine engine;

  public record ResourceChange(String resource, String definitions, String change) {}

  public record DeploymentEntry(String deploymentId, String name, String source, String deployedBy,
      OffsetDateTime deployedAt, List<ResourceChange> resources) {}

  public record DeletionEntry(String deploymentId, String deletedBy, Instant deletedAt, boolean cascade) {}

  public record Trail(List<DeploymentEntry> deployments, List<DeletionEntry> deletions) {}

  /** Newest first; at most maxResults (default and limit 500) of each. */
  @GetMapping("/trail")
  public Trail trail(@RequestParam(name = "maxResults", defaultValue = "100") int maxResults) {
    caller.requireGroup("read the deployment trail", AUDITORS, PROCESS_OWNERS);
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      throw new InvalidInputException("Invalid input",
          List.of(new FieldError("maxResults", "must be between 1 and " + MAX_RESULTS)));
    }
    Map<String, DeploymentEntry> deployments = new LinkedHashMap<>();
    jdbc.query("SELECT deployment_id, deployment_name, source, deployed_by, deployed_at FROM sl_deployment_audit "
            + "ORDER BY deployed_at DESC, deployment_id FETCH FIRST " + maxResults + " ROWS ONLY",
        (java.sql.ResultSet rs) -> {
          Timestamp at = rs.getTimestamp("deployed_at");
          deployments.put(rs.getString("deployment_id"), new DeploymentEntry(rs.getString("deployment_id"),
              rs.getString("deployment_name"), rs.getString("source"), rs.getString("deployed_by"),
              OffsetDateTime.ofInstant(at.toInstant(), java.time.ZoneOffset.UTC), new ArrayList<>()));
        });
    if (!deployments.isEmpty()) {
      String ids = String.join(",", deployments.keySet().stream().map(id -> "?").toList());
      jdbc.query("SELECT deployment_id, resource_name, definitions, change_kind FROM sl_deployment_audit_resource "
              + "WHERE deployment_id IN (" + ids + ") ORDER BY resource_name",
          (java.sql.ResultSet rs) -> {
            deployments.get(rs.getString("deployment_id")).resources().add(new ResourceChange(
                rs.getString("resource_name"), rs.getString("definitions"), rs.getString("change_kind")));
          }, deployments.keySet().toArray());
    }
    List<DeletionEntry> deletions = withoutAuthorization(() -> historyService.createUserOperationLogQuery()
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_DELETE)
        .orderByTimestamp().desc().listPage(0, maxResults).stream()
        .filter(e -> e.getProperty() == null || "cascade".equals(e.getProperty()))
        .map(e -> new DeletionEntry(e.getDeploymentId(), e.getUserId(), e.getTimestamp().toInstant(),
            "true".equals(e.getNewValue())))
        .toList());
    return new Trail(List.copyOf(deployments.values()), deletions);
  }

  /** Every process, decision and form key with its live version. */
  @GetMapping("/live")
  public List<LiveModel> live() {
    caller.requireGroup("read the live model versions", AUDITORS, PROCESS_OWNERS);
    List<LiveModel> live = new ArrayList<>();
    withoutAuthorization(() -> {
      repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
          .forEach(d -> live.add(liveModels.live(Kind.PROCESS, d.getKey())));
      repositoryService.createDecisionDefinitionQuery().latestVersion().orderByDecisionDefinitionKey().asc().list()
          .forEach(d -> live.add(liveModels.live(Kind.DECISION, d.getKey())));
      // no public query lists Camunda Form definitions (7.24): their keys from the engine's table, read only
      jdbc.queryForList("SELECT DISTINCT KEY_ FROM ACT_RE_CAMFORMDEF ORDER BY KEY_", String.class)
          .forEach(key -> live.add(liveModels.live(Kind.FORM, key)));
      return null;
    });
    return live;
  }

  /** Reads in one engine command that checks no authorizations: the readers may see what they could not open. */
  private <T> T withoutAuthorization(Callable<T> read) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(read));
  }
}
