package com.serviceloop.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.deployment.LiveModels.Kind;
import com.serviceloop.deployment.LiveModels.LiveModel;
import com.serviceloop.deployment.LiveModels.ModelKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Deploys processes/, dmn/ and forms/ under stable relative resource names
 * ("processes/complaint-handling.bpmn"), source {@value #SOURCE}, and only what changed: a packaged model is
 * deployed when it differs from what the application itself deployed last time (the latest resource of that
 * name in the application's own deployments — Camunda's deploy-changed-only filter, which compares within a
 * deployment name and source). So
 * <ul>
 *   <li>an unchanged restart deploys nothing, and a version a process owner deployed from Modeler since then
 *       stays live: the log says so, per model, with its deployment, source, time and user;</li>
 *   <li>a file changed in the repository is deployed at the next start and becomes live, also over an
 *       owner's Modeler version: the log warns which Modeler version it replaced.</li>
 * </ul>
 * Every binding is "latest", so a model deployed alone works with the live versions of the others
 * (docs/decisions.md). The deploy gate checks this deployment like any other; a model that cannot run
 * stops the start with the gate's message.
 */
@Component
@DependsOn("identitySetup") // the models name its groups (candidate groups, DMN outputs): the gate checks them
public class ModelDeployer implements InitializingBean {

  public static final String DEPLOYMENT_NAME = "serviceloop-models";
  /** The deployment source of the application's own deployments (Modeler's is "Camunda Modeler"). */
  public static final String SOURCE = "ServiceLoop application";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[][] MODEL_FOLDERS = {
    {"processes", "bpmn"}, {"dmn", "dmn"}, {"forms", "form"}
  };

  private final RepositoryService repositoryService;
  private final LiveModels liveModels;
  private final String location;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final ObjectMapper json = new ObjectMapper();

  /** The application: the models packed into it (classpath). The JdbcTemplate orders this after Flyway. */
  @Autowired
  public ModelDeployer(RepositoryService repositoryService, LiveModels liveModels, JdbcTemplate flywayFirst) {
    this(repositoryService, liveModels, "classpath*:");
  }

  /** Models under another location, e.g. "file:/path/to/checkout/" (tests: a changed repository). */
  public ModelDeployer(RepositoryService repositoryService, LiveModels liveModels, String location) {
    this.repositoryService = repositoryService;
    this.liveModels = liveModels;
    this.location = location;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    deploy();
  }

  /** Deploys what changed and logs, per model, the live version; returns what was deployed (null: nothing). */
  public DeploymentWithDefinitions deploy() throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(SOURCE)
        .enableDuplicateFiltering(true);
    List<PackagedModel> models = new ArrayList<>();
    for (String[] folder : MODEL_FOLDERS) {
      for (ModelResource model : find(folder[0], folder[1])) {
        byte[] content;
        try (InputStream in = model.resource().getInputStream()) {
          content = in.readAllBytes();
        }
        deployment.addInputStream(model.name(), new ByteArrayInputStream(content));
        models.add(new PackagedModel(model.name(), kind(folder[0]), keys(folder[0], content)));
      }
    }
    if (models.isEmpty()) {
      LOG.warn("No models found under processes/, dmn/ or forms/ at {}; nothing deployed", location);
      return null;
    }
    String previous = latestOwnDeployment();
    DeploymentWithDefinitions result = deployment.deployWithResult();
    // nothing changed: the engine answers with the application's previous deployment
    boolean newDeployment = !result.getId().equals(previous);
    Set<String> deployed = newDeployment
        ? new TreeSet<>(repositoryService.getDeploymentResourceNames(result.getId())) : Set.of();
    LOG.info("Models: {} packaged; {}", models.size(), deployed.size() == models.size()
        ? "all deployed in " + result.getId()
        : deployed.isEmpty() ? "none changed since the application last deployed them"
        : deployed.size() + " changed since the application last deployed them, deployed in " + result.getId()
          + ": " + deployed);
    List<ModelKey> keys = models.stream().flatMap(m -> m.keys().stream().map(k -> new ModelKey(m.kind(), k))).toList();
    Map<ModelKey, LiveModel> live = liveModels.live(keys);
    for (PackagedModel model : models) {
      for (String key : model.keys()) {
        report(model, key, live.get(new ModelKey(model.kind(), key)), deployed.contains(model.name()), result.getId());
      }
    }
    return deployed.isEmpty() ? null : result;
  }

  private String latestOwnDeployment() {
    var latest = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).deploymentSource(SOURCE)
        .orderByDeploymentTime().desc().listPage(0, 1);
    return latest.isEmpty() ? null : latest.get(0).getId();
  }

  private void report(PackagedModel model, String key, LiveModel live, boolean deployedNow, String deploymentId) {
    if (live == null) {
      LOG.warn("Model {} ({}): no version is deployed", key, model.name());
    } else if (deployedNow && live.deploymentId().equals(deploymentId)) {
      LOG.info("Model {}: live {} — the repository's file changed, so the application deployed it", key,
          live.describe());
    } else if (live.fromApplication()) {
      LOG.info("Model {}: live {}", key, live.describe());
    } else {
      LOG.warn("Model {}: live {} — deployed after the application's version, which is unchanged in the "
          + "repository ({}); it stays live until that file changes (docs/decisions.md)", key, live.describe(),
          model.name());
    }
  }

  private static Kind kind(String folder) {
    return switch (folder) {
      case "processes" -> Kind.PROCESS;
      case "dmn" -> Kind.DECISION;
      default -> Kind.FORM;
    };
  }

  /** The definition keys a packaged model carries: its process ids, decision ids or form id. */
  private List<String> keys(String folder, byte[] content) throws IOException {
    List<String> keys = new ArrayList<>();
    if ("forms".equals(folder)) {
      JsonNode id = json.readTree(content).get("id");
      if (id != null) {
        keys.add(id.asText());
      }
      return keys;
    }
    Document document = DeploymentGate.xml(content);
    if (document == null) {
      return keys;
    }
    if ("processes".equals(folder)) {
      DeploymentGate.elements(document, DeploymentGate.BPMN_NS, "process").stream()
          .filter(p -> !"false".equals(p.getAttribute("isExecutable")))
          .forEach(p -> keys.add(p.getAttribute("id")));
    } else {
      DeploymentGate.elementsAnyNs(document, "decision").forEach(d -> keys.add(d.getAttribute("id")));
    }
    return keys;
  }

  /**
   * The models in one top-level folder, named by their path relative to the folder's parent. A name found under
   * two class path roots (e.g. a working directory on the class path beside the build's classes) is the first
   * root's, as the class loader would answer it: each model is read, parsed and deployed once.
   */
  List<ModelResource> find(String folder, String extension) throws IOException {
    String base = location.replace("classpath*:", "classpath:");
    Resource root = resolver.getResource(base + folder + "/");
    String rootUrl = root.exists() ? root.getURL().toString() : null;
    List<ModelResource> models = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Resource resource : resolver.getResources(location + folder + "/**/*." + extension)) {
      String url = resource.getURL().toString();
      String relative = rootUrl != null && url.startsWith(rootUrl)
          ? url.substring(rootUrl.length())
          : resource.getFilename();
      String name = folder + "/" + relative;
      if (seen.add(name)) {
        models.add(new ModelResource(name, resource));
      } else {
        LOG.debug("Model {} found again at {}; the first one found is deployed", name, url);
      }
    }
    models.sort((a, b) -> a.name().compareTo(b.name()));
    return models;
  }

  record ModelResource(String name, Resource resource) {}

  record PackagedModel(String name, Kind kind, List<String> keys) {}
}
