package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.kpi.KpiResult;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ComputeKpis: last month's KPIs as a summary for the review. */
@Component("computeMonthlyKpis")
@RequiredArgsConstructor
public class ComputeMonthlyKpisDelegate implements JavaDelegate {

  private final MonthlyReviewService review;

  @Override
  public void execute(DelegateExecution execution) {
    List<KpiResult> results = review.kpisOf(ReviewSteps.month(execution));
    execution.setVariable(KPI_SUMMARY, review.summary(results));
    execution.setVariable(MISSED_KPIS, (int) MonthlyReviewService.missed(results));
    execution.setVariable(MISSED_KPI_ISSUES, String.join("\n", MonthlyReviewService.missedKpiIssues(results)));
  }
}
