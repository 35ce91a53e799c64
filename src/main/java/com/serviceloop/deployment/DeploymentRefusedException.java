package com.serviceloop.deployment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the gate refuses. A {@link ParseException}, so the engine REST API answers 400 with the
 * problems per resource ({@code details.<resource>.errors[].message / mainElementId}) and the deploy
 * command rolls back: nothing of the deployment is stored.
 */
public class DeploymentRefusedException extends ParseException {

  public DeploymentRefusedException(Map<String, List<Problem>> problemsByResource) {
    super(message(problemsByResource), problemsByResource.keySet().iterator().next(),
        problemsByResource.values().iterator().next(), List.of());
    this.resorceReports = problemsByResource.entrySet().stream()
        .map(e -> (ResourceReport) new Report(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  private static String message(Map<String, List<Problem>> problemsByResource) {
    return "Deployment refused (docs/decisions.md, deploy gate): " + problemsByResource.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().stream().map(Problem::getMessage)
            .collect(Collectors.joining("; ")))
        .collect(Collectors.joining(" | "));
  }

  /** One problem, named by the element it is about. */
  public record GateProblem(String message, String mainElementId) implements Problem {
    @Override
    public String getMessage() {
      return mainElementId == null ? message : mainElementId + ": " + message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return mainElementId == null ? List.of() : List.of(mainElementId);
    }
  }

  record Report(String resourceName, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }
}
