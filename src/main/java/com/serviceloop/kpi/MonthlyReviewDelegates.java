package com.serviceloop.kpi;

import static com.serviceloop.kpi.MonthlyReviewVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin glue of monthly-service-review: each bean reads variables, calls the review service, writes results. */
@Configuration
public class MonthlyReviewDelegates {

  /**
   * Task_PlanReview: which month is reviewed, when (first working day at the model's reviewTime) and due
   * when (the model's reviewLimit in working time).
   */
  @Bean
  public JavaDelegate planMonthlyReview(MonthlyReviewService review) {
    return execution -> {
      Instant now = WorkOrderRepository.now();
      Instant reviewAt = review.reviewAt(now, LocalTime.parse((String) execution.getVariable("reviewTime")));
      execution.setVariable(REPORT_MONTH, review.reportMonth(now).toString());
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

  /** Task_ListHotIssues: the hot issues, prefilled into the review form's list. */
  @Bean
  public JavaDelegate listHotIssues(MonthlyReviewService review) {
    return execution -> {
      YearMonth month = month(execution);
      // the KPIs were computed one step before: their misses are read back, not computed again
      String missed = (String) execution.getVariable(MISSED_KPI_ISSUES);
      List<String> issues = review.hotIssues(month, missed == null || missed.isEmpty() ? List.of()
          : List.of(missed.split("\n")));
      execution.setVariable(REVIEW_ACTIONS, SpinValues.jsonValue(review.actionListJson(issues)).create());
    };
  }

  /** Task_PrepareActions: checks the submitted actions (a bad list fails the form submit) and counts them. */
  @Bean
  public JavaDelegate prepareReviewActions(MonthlyReviewService review) {
    return execution -> execution.setVariable(ACTION_COUNT, review.actions(actionsJson(execution)).size());
  }

  /** Task_OpenAction: the action of this multi-instance branch, as local variables. */
  @Bean
  public JavaDelegate openReviewAction(MonthlyReviewService review) {
    return execution -> {
      int index = ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
      ReviewAction action = review.actions(actionsJson(execution)).get(index);
      execution.setVariableLocal(ACTION_ISSUE, action.issue());
      execution.setVariableLocal(ACTION_DEPARTMENT, action.department());
      execution.setVariableLocal(ACTION_PERSON, action.person());
      execution.setVariableLocal(ACTION_DUE, Date.from(action.deadline()));
      execution.setVariableLocal(ACTION_HARDEST, action.hardest());
    };
  }

  private static YearMonth month(DelegateExecution execution) {
    return YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
  }

  /** The form submits the dynamic list as JSON (Spin); an API client may send a string or a list. */
  private static Object actionsJson(DelegateExecution execution) {
    return execution.getVariable(REVIEW_ACTIONS);
  }
}
