package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Task_ListHotIssues: the hot issues (the model's hotIssueTop of each kind), prefilled into the review form's list. */
@Component("listHotIssues")
@RequiredArgsConstructor
public class ListHotIssuesDelegate implements JavaDelegate {

  private final MonthlyReviewService review;

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = ReviewSteps.month(execution);
    // the KPIs were computed one step before: their misses are read back, not computed again
    String missed = (String) execution.getVariable(MISSED_KPI_ISSUES);
    List<String> issues = review.hotIssues(month, ReviewSteps.hotIssueTop(execution),
        missed == null || missed.isEmpty() ? List.of() : List.of(missed.split("\n")));
    execution.setVariable(REVIEW_ACTIONS, SpinValues.jsonValue(review.actionListJson(issues)).create());
  }
}
