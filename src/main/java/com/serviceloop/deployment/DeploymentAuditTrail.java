package com.serviceloop.deployment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes every new deployment into sl_deployment_audit: who deployed it, when, and per resource the
 * definitions it carries and whether it changed against the version it replaces. Runs as the last of the
 * engine's deployers, in the deploy command's transaction (the engine's transaction is Spring's, so the
 * JdbcTemplate joins it): a refused or failed deployment leaves no row. (Engine SPI, see DeploymentGate.)
 */
@RequiredArgsConstructor
public class DeploymentAuditTrail implements Deployer {

  public static final String APPLICATION_USER = "application";

  private final Supplier<JdbcTemplate> jdbc;

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    String user = commandContext.getAuthenticatedUserId();
    String deployedBy = user != null ? user : APPLICATION_USER;
    jdbc.get().update("INSERT INTO sl_deployment_audit (deployment_id, deployment_name, source, deployed_by, "
            + "deployed_at) VALUES (?, ?, ?, ?, ?)", deployment.getId(), deployment.getName(), deployment.getSource(),
        deployedBy, OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), ZoneOffset.UTC));

    Map<String, List<ResourceDefinitionEntity<?>>> definitionsByResource = new TreeMap<>();
    for (List<?> artifacts : deployment.getDeployedArtifacts() == null ? List.<List<?>>of()
        : deployment.getDeployedArtifacts().values()) {
      for (Object artifact : artifacts) {
        ResourceDefinitionEntity<?> definition = (ResourceDefinitionEntity<?>) artifact;
        definitionsByResource.computeIfAbsent(definition.getResourceName(), r -> new ArrayList<>()).add(definition);
      }
    }
    for (ResourceEntity resource : new TreeMap<>(deployment.getResources()).values()) {
      List<ResourceDefinitionEntity<?>> definitions = definitionsByResource.getOrDefault(resource.getName(), List.of());
      List<String> described = new ArrayList<>();
      String change = definitions.isEmpty() ? "RESOURCE" : "NEW";
      for (ResourceDefinitionEntity<?> definition : definitions) {
        described.add(kind(definition) + " " + definition.getKey() + " v" + definition.getVersion());
        ResourceDefinitionEntity<?> previous = commandContext.runWithoutAuthorization(
            () -> previous(commandContext, definition));
        if (previous != null) {
          ResourceEntity before = commandContext.getResourceManager()
              .findResourceByDeploymentIdAndResourceName(previous.getDeploymentId(), previous.getResourceName());
          boolean same = before != null && Arrays.equals(before.getBytes(), resource.getBytes());
          if (!"CHANGED".equals(change)) {
            change = same ? "UNCHANGED" : "CHANGED";
          }
        }
      }
      jdbc.get().update("INSERT INTO sl_deployment_audit_resource (deployment_id, resource_name, definitions, "
              + "change_kind) VALUES (?, ?, ?, ?)", deployment.getId(), resource.getName(),
          truncate(String.join(", ", described)), change);
    }
  }

  private static ResourceDefinitionEntity<?> previous(CommandContext commandContext,
      ResourceDefinitionEntity<?> definition) {
    if (definition.getVersion() <= 1) {
      return null;
    }
    if (definition instanceof CamundaFormDefinitionEntity) { // has no getPreviousDefinition() (7.24)
      return commandContext.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(
          definition.getKey(), definition.getVersion() - 1, definition.getTenantId());
    }
    return (ResourceDefinitionEntity<?>) definition.getPreviousDefinition();
  }

  private static String kind(ResourceDefinitionEntity<?> definition) {
    String type = definition.getClass().getSimpleName();
    if (type.startsWith("ProcessDefinition")) return "process";
    if (type.startsWith("DecisionRequirements")) return "drd";
    if (type.startsWith("DecisionDefinition")) return "decision";
    if (type.startsWith("CamundaForm")) return "form";
    return type.replace("Entity", "");
  }

  private static String truncate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
  }
}
