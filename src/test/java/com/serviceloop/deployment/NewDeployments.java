package com.serviceloop.deployment;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

/** The deployments there were when a test began: at its end, what the test deployed is deleted (cascading). */
final class NewDeployments {

  private final RepositoryService repositoryService;
  private final Set<String> before;

  NewDeployments(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    this.before = ids();
  }

  void delete() {
    for (String id : ids()) {
      if (!before.contains(id)) {
        repositoryService.deleteDeployment(id, true, true);
      }
    }
  }

  private Set<String> ids() {
    return repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).collect(Collectors.toSet());
  }
}
