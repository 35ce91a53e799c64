package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CarryOutAction, on complete: the department's result, kept in the record. */
@Component("recordReviewActionResult")
@RequiredArgsConstructor
public class RecordReviewActionResultListener implements TaskListener {

  private final MonthlyReviewRecord record;

  @Override
  public void notify(DelegateTask task) {
    record.recordResult(task.getProcessInstanceId(), ReviewSteps.index(task),
        ReviewSteps.required(task, ACTION_RESULT), ReviewSteps.user(task), WorkOrderRepository.now());
  }
}
