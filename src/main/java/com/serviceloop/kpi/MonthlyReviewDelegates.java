package com.serviceloop.kpi;

import static com.serviceloop.kpi.MonthlyReviewVariables.*;

import com.serviceloop.common.EngineCaller;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin glue of monthly-service-review: each bean reads variables, calls the review service, writes results. */
@Configuration
public class MonthlyReviewDelegates {

  /** monthly-review-schedule's Task_StartReview: the review of last month (the review works out which). */
  @Bean
  public JavaDelegate startMonthlyReview() {
    return execution -> execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(PROCESS_ID)
        .setVariable(REQUESTED_BY, MonthlyReviewRecord.TIMER)
        .execute();
  }

  /**
   * Task_PlanReview: which month is reviewed (last month, or the month asked for), when (the first working
   * day after it at the model's reviewTime, or now when that is past) and due when (the model's reviewLimit
   * in working time). Claims the month in sl_monthly_review: a month already reviewed ends the schedule's
   * review at once (BPMN error) and refuses one asked for (the start fails, nothing is written).
   */
  @Bean
  public JavaDelegate planMonthlyReview(MonthlyReviewService review, MonthlyReviewRecord record) {
    return execution -> {
      Instant now = WorkOrderRepository.now();
      Object requested = execution.getVariable(REPORT_MONTH);
      boolean byRequest = requested != null && !requested.toString().isBlank();
      YearMonth month = byRequest ? review.requestedMonth(requested.toString(), now) : review.reportMonth(now);
      Object requestedBy = execution.getVariable(REQUESTED_BY);
      String startedBy = requestedBy == null ? MonthlyReviewRecord.TIMER : requestedBy.toString();
      if (!record.claim(month, execution.getProcessInstanceId(), startedBy, now)) {
        String other = record.reviewOf(month).orElse("?");
        if (!byRequest) {
          // the timer's month was reviewed already (by request, or by the catch-up after a restart)
          throw new BpmnError(ERROR_MONTH_ALREADY_REVIEWED, month + " is reviewed by " + other);
        }
        throw new MonthAlreadyReviewedException(month, other);
      }
      Instant reviewAt = review.reviewAt(month, now, LocalTime.parse((String) execution.getVariable("reviewTime")));
      execution.setVariable(REPORT_MONTH, month.toString());
      execution.setVariable(REVIEW_AT, Date.from(reviewAt));
      execution.setVariable(REVIEW_DUE,
          Date.from(review.reviewDue(reviewAt, (String) execution.getVariable("reviewLimit"))));
    };
  }

  /** Task_ComputeKpis: last month's KPIs as a summary for the review. */
  @Bean
  public JavaDelegate computeMonthlyKpis(MonthlyReviewService review) {
    return execution -> {
      List<KpiResult> results = review.kpisOf(month(execution));
      execution.setVariable(KPI_SUMMARY, review.summary(results));
      execution.setVariable(MISSED_KPIS, (int) MonthlyReviewService.missed(results));
      execution.setVariable(MISSED_KPI_ISSUES, String.join("\n", MonthlyReviewService.missedKpiIssues(results)));
    };
  }

  /** Task_ListHotIssues: the hot issues (the model's hotIssueTop of each kind), prefilled into the review form's list. */
  @Bean
  public JavaDelegate listHotIssues(MonthlyReviewService review) {
    return execution -> {
      YearMonth month = month(execution);
      // the KPIs were computed one step before: their misses are read back, not computed again
      String missed = (String) execution.getVariable(MISSED_KPI_ISSUES);
      List<String> issues = review.hotIssues(month, hotIssueTop(execution), missed == null || missed.isEmpty()
          ? List.of() : List.of(missed.split("\n")));
      execution.setVariable(REVIEW_ACTIONS, SpinValues.jsonValue(review.actionListJson(issues)).create());
    };
  }

  /**
   * Task_PrepareActions: checks the submitted actions against the model's responsibleDepartments (a bad list
   * fails the form submit) and counts them.
   */
  @Bean
  public JavaDelegate prepareReviewActions(MonthlyReviewService review) {
    return execution -> execution.setVariable(ACTION_COUNT,
        review.checkedActions(actionsJson(execution), responsibleDepartments(execution)).size());
  }

  /**
   * Task_OpenAction: the action of this multi-instance branch (of the list Task_PrepareActions checked in the
   * same transaction), as local variables — its result and its
   * supervisor's instruction too, so that each form shows and each submit writes this action's own, not
   * the previous one's — and as a row of the review's record.
   */
  @Bean
  public JavaDelegate openReviewAction(MonthlyReviewService review, MonthlyReviewRecord record) {
    return execution -> {
      int index = ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
      ReviewAction action = review.actions(actionsJson(execution)).get(index);
      execution.setVariableLocal(ACTION_ISSUE, action.issue());
      execution.setVariableLocal(ACTION_DEPARTMENT, action.department());
      execution.setVariableLocal(ACTION_PERSON, action.person());
      execution.setVariableLocal(ACTION_DUE, Date.from(action.deadline()));
      execution.setVariableLocal(ACTION_HARDEST, action.hardest());
      execution.setVariableLocal(ACTION_RESULT, null);
      execution.setVariableLocal(SUPERVISION_INSTRUCTION, null);
      record.openAction(execution.getProcessInstanceId(), month(execution), index, action);
    };
  }

  /** Task_CarryOutAction, on complete: the department's result, kept in the record. */
  @Bean
  public TaskListener recordReviewActionResult(MonthlyReviewRecord record) {
    return task -> record.recordResult(task.getProcessInstanceId(), index(task),
        required(task, ACTION_RESULT), user(task), WorkOrderRepository.now());
  }

  /** The supervision tasks, on create: the action went overdue and up to this group. */
  @Bean
  public TaskListener recordReviewActionEscalated(MonthlyReviewRecord record) {
    return task -> record.recordEscalation(task.getProcessInstanceId(), index(task),
        task.getCandidates().stream().filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId)
            .findFirst().orElse(null), WorkOrderRepository.now());
  }

  /** The supervision tasks, on complete: the supervisor's instruction, kept in the record. */
  @Bean
  public TaskListener recordReviewActionSupervised(MonthlyReviewRecord record) {
    return task -> record.recordSupervision(task.getProcessInstanceId(), index(task),
        required(task, SUPERVISION_INSTRUCTION), user(task), WorkOrderRepository.now());
  }

  private static int index(DelegateTask task) {
    return ((Number) task.getVariable(LOOP_COUNTER)).intValue();
  }

  /** A completion without the field is refused (the form requires it; an API client might omit it). */
  private static String required(DelegateTask task, String variable) {
    Object value = task.getVariableLocal(variable) != null ? task.getVariableLocal(variable)
        : task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(variable + " is required to complete '" + task.getName() + "'");
    }
    return value.toString().strip();
  }

  /** Who completed the task: the logged-in user (Tasklist, REST), else its assignee. */
  private static String user(DelegateTask task) {
    var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }

  /** Task_ListHotIssues' input parameter: how many complaint categories and root causes the review lists. */
  private static int hotIssueTop(DelegateExecution execution) {
    Object top = modelInput(execution, HOT_ISSUE_TOP);
    try {
      return Integer.parseInt(String.valueOf(top).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(HOT_ISSUE_TOP + " of " + execution.getCurrentActivityId()
          + " must be a whole number, e.g. 3, not '" + top + "'", e);
    }
  }

  /** Task_PrepareActions' input parameter: the groups an action may go to (a list in the model). */
  private static List<String> responsibleDepartments(DelegateExecution execution) {
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
        .findFirst().map(MonthlyReviewDelegates::plainValue).orElse(null);
  }

  /** A parameter's value as written in the model: a list of texts, or a text. */
  private static Object plainValue(CamundaInputParameter parameter) {
    if (parameter.getValue() instanceof CamundaList list) {
      return list.getValues().stream().map(v -> v.getTextContent().trim()).toList();
    }
    return parameter.getTextContent().trim();
  }

  private static YearMonth month(DelegateExecution execution) {
    return YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
  }

  /** The form submits the dynamic list as JSON (Spin); an API client may send a string or a list. */
  private static Object actionsJson(DelegateExecution execution) {
    return execution.getVariable(REVIEW_ACTIONS);
  }
}
