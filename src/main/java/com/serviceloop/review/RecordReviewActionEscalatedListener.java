package com.serviceloop.review;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/** The supervision tasks, on create: the action went overdue and up to this group. */
@Component("recordReviewActionEscalated")
@RequiredArgsConstructor
public class RecordReviewActionEscalatedListener implements TaskListener {

  private final MonthlyReviewRecord record;

  @Override
  public void notify(DelegateTask task) {
    record.recordEscalation(task.getProcessInstanceId(), ReviewSteps.index(task),
        task.getCandidates().stream().filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId)
            .findFirst().orElse(null), WorkOrderRepository.now());
  }
}
