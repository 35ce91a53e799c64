package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.common.Moments;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the return order: the cash handover is due next. */
@Component("scheduleCashHandover")
@RequiredArgsConstructor
public class ScheduleCashHandoverListener implements TaskListener {

  private final InstallationDeadlines deadlines;

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(HANDOVER_DUE,
        Moments.toDate(deadlines.requiredDue(task, Milestone.CASH_HANDOVER, WorkOrderRepository.now())));
  }
}
