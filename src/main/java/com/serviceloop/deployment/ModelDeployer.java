package com.serviceloop.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/, dmn/ and forms/ as one deployment under stable relative resource names
 * ("processes/complaint-handling.bpmn"). Duplicate filtering redeploys everything when anything
 * changed, so a form and the process that references it (formRefBinding="latest") always
 * travel in the same deployment, and an unchanged restart deploys nothing.
 */
@Component
public class ModelDeployer implements InitializingBean {

  public static final String DEPLOYMENT_NAME = "serviceloop-models";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[][] MODEL_FOLDERS = {
    {"processes", "bpmn"}, {"dmn", "dmn"}, {"forms", "form"}
  };

  private final RepositoryService repositoryService;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("ServiceLoop")
        .enableDuplicateFiltering(false);
    List<String> names = new ArrayList<>();
    for (String[] folder : MODEL_FOLDERS) {
      for (ModelResource model : find(folder[0], folder[1])) {
        try (InputStream in = model.resource().getInputStream()) {
          deployment.addInputStream(model.name(), new ByteArrayInputStream(in.readAllBytes()));
        }
        names.add(model.name());
      }
    }
    if (names.isEmpty()) {
      LOG.warn("No models found under processes/, dmn/ or forms/ on the classpath; nothing deployed");
      return;
    }
    var result = deployment.deployWithResult();
    LOG.info("Models {}: {} resources ({} definitions deployed)", result.getId(), names.size(),
        count(result.getDeployedProcessDefinitions()) + count(result.getDeployedDecisionDefinitions()));
  }

  /** The engine answers null, not an empty list, for a kind of definition the deployment lacks. */
  private static int count(List<?> definitions) {
    return definitions == null ? 0 : definitions.size();
  }

  /** The models in one top-level folder, named by their path relative to the classpath root. */
  List<ModelResource> find(String folder, String extension) throws IOException {
    Resource root = resolver.getResource("classpath:" + folder + "/");
    String rootUrl = root.exists() ? root.getURL().toString() : null;
    List<ModelResource> models = new ArrayList<>();
    for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*." + extension)) {
      String url = resource.getURL().toString();
      String relative = rootUrl != null && url.startsWith(rootUrl)
          ? url.substring(rootUrl.length())
          : resource.getFilename();
      models.add(new ModelResource(folder + "/" + relative, resource));
    }
    models.sort((a, b) -> a.name().compareTo(b.name()));
    return models;
  }

  record ModelResource(String name, Resource resource) {}
}
