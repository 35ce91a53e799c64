package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanReview: which month is reviewed (last month, or the month asked for), when (the first working
 * day after it at the model's reviewTime, or now when that is past) and due when (the model's reviewLimit
 * in working time). Claims the month in sl_monthly_review: a month already reviewed ends the schedule's
 * review at once (BPMN error) and refuses one asked for (the start fails, nothing is written). */
@Component("planMonthlyReview")
@RequiredArgsConstructor
public class PlanMonthlyReviewDelegate implements JavaDelegate {

  private final MonthlyReviewService review;
  private final MonthlyReviewRecord record;

  @Override
  public void execute(DelegateExecution execution) {
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
  }
}
