package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** monthly-review-schedule's Task_StartReview: the review of last month (the review works out which). */
@Component("startMonthlyReview")
public class StartMonthlyReviewDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(PROCESS_ID)
        .setVariable(REQUESTED_BY, MonthlyReviewRecord.TIMER)
        .execute();
  }
}
