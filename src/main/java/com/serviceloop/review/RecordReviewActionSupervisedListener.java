package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The supervision tasks, on complete: the supervisor's instruction, kept in the record. */
@Component("recordReviewActionSupervised")
@RequiredArgsConstructor
public class RecordReviewActionSupervisedListener implements TaskListener {

  private final MonthlyReviewRecord record;

  @Override
  public void notify(DelegateTask task) {
    record.recordSupervision(task.getProcessInstanceId(), ReviewSteps.index(task),
        ReviewSteps.required(task, SUPERVISION_INSTRUCTION), ReviewSteps.user(task), WorkOrderRepository.now());
  }
}
