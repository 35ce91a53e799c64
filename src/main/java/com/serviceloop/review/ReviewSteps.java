package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.common.EngineCaller;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;

/** What the monthly review's delegates and listeners read the same way: the month, the actions, a model input. */
final class ReviewSteps {

  private ReviewSteps() {}

  static YearMonth month(DelegateExecution execution) {
    return YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
  }

  /** The form submits the dynamic list as JSON (Spin); an API client may send a string or a list. */
  static Object actionsJson(DelegateExecution execution) {
    return execution.getVariable(REVIEW_ACTIONS);
  }

  /** The action of a multi-instance branch's task. */
  static int index(DelegateTask task) {
    return ((Number) task.getVariable(LOOP_COUNTER)).intValue();
  }

  /** A completion without the field is refused (the form requires it; an API client might omit it). */
  static String required(DelegateTask task, String variable) {
    Object value = task.getVariableLocal(variable) != null ? task.getVariableLocal(variable)
        : task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(variable + " is required to complete '" + task.getName() + "'");
    }
    return value.toString().strip();
  }

  /** Who completed the task: the logged-in user (Tasklist, REST), else its assignee. */
  static String user(DelegateTask task) {
    var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }

  /** Task_ListHotIssues' input parameter: how many complaint categories and root causes the review lists. */
  static int hotIssueTop(DelegateExecution execution) {
    Object top = modelInput(execution, HOT_ISSUE_TOP);
    try {
      return Integer.parseInt(String.valueOf(top).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(HOT_ISSUE_TOP + " of " + execution.getCurrentActivityId()
          + " must be a whole number, e.g. 3, not '" + top + "'", e);
    }
  }

  /** Task_PrepareActions' input parameter: the groups an action may go to (a list in the model). */
  static List<String> responsibleDepartments(DelegateExecution execution) {
    Object departments = modelInput(execution, RESPONSIBLE_DEPARTMENTS);
    if (!(departments instanceof Collection<?> list)) {
      throw new IllegalArgumentException(RESPONSIBLE_DEPARTMENTS + " of " + execution.getCurrentActivityId()
          + " must be a list of groups, not '" + departments + "'");
    }
    return list.stream().map(d -> String.valueOf(d).trim()).toList();
  }

  /**
   * The value of this step's input parameter {@code name}. A review started on a version of the model before
   * the parameter (issue 13) has none: its step reads it from the same step of the latest deployed version of
   * its process, as a process owner set it there (a plain value or a list; an expression is not evaluated). Read
   * as the application: the supervisor who submits the review needs no permission on process definitions.
   */
  static Object modelInput(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value != null) {
      return value;
    }
    return EngineCaller.withoutAuthentication(execution.getProcessEngineServices().getIdentityService(),
        () -> latestModelInput(execution, name));
  }

  private static Object latestModelInput(DelegateExecution execution, String name) {
    RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
    String key = repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    BaseElement step = repository.getBpmnModelInstance(latest.getId())
        .getModelElementById(execution.getCurrentActivityId());
    if (step == null || step.getExtensionElements() == null) {
      return null;
    }
    return step.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream()).filter(p -> name.equals(p.getCamundaName()))
        .findFirst().map(ReviewSteps::plainValue).orElse(null);
  }

  /** A parameter's value as written in the model: a list of texts, or a text. */
  private static Object plainValue(CamundaInputParameter parameter) {
    if (parameter.getValue() instanceof CamundaList list) {
      return list.getValues().stream().map(v -> v.getTextContent().trim()).toList();
    }
    return parameter.getTextContent().trim();
  }
}
