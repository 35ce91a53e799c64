package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenAction: the action of this multi-instance branch (of the list Task_PrepareActions checked in the
 * same transaction), as local variables — its result and its supervisor's instruction too, so that each form
 * shows and each submit writes this action's own, not the previous one's — and as a row of the review's record. */
@Component("openReviewAction")
@RequiredArgsConstructor
public class OpenReviewActionDelegate implements JavaDelegate {

  private final MonthlyReviewService review;
  private final MonthlyReviewRecord record;

  @Override
  public void execute(DelegateExecution execution) {
    int index = ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
    ReviewAction action = review.actions(ReviewSteps.actionsJson(execution)).get(index);
    execution.setVariableLocal(ACTION_ISSUE, action.issue());
    execution.setVariableLocal(ACTION_DEPARTMENT, action.department());
    execution.setVariableLocal(ACTION_PERSON, action.person());
    execution.setVariableLocal(ACTION_DUE, Date.from(action.deadline()));
    execution.setVariableLocal(ACTION_HARDEST, action.hardest());
    execution.setVariableLocal(ACTION_RESULT, null);
    execution.setVariableLocal(SUPERVISION_INSTRUCTION, null);
    record.openAction(execution.getProcessInstanceId(), ReviewSteps.month(execution), index, action);
  }
}
