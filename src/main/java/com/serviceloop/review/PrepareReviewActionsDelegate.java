package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareActions: checks the submitted actions against the model's responsibleDepartments (a bad list
 * fails the form submit) and counts them. */
@Component("prepareReviewActions")
@RequiredArgsConstructor
public class PrepareReviewActionsDelegate implements JavaDelegate {

  private final MonthlyReviewService review;

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ACTION_COUNT, review.checkedActions(ReviewSteps.actionsJson(execution),
        ReviewSteps.responsibleDepartments(execution)).size());
  }
}
