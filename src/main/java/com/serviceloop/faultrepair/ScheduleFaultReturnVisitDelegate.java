package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;
import static com.serviceloop.workorder.CaseContracts.RETURN_VISIT_DUE;

import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before the return visit: by when the hotline calls (the return visit limit, natural time). */
@Component("scheduleFaultReturnVisit")
@RequiredArgsConstructor
public class ScheduleFaultReturnVisitDelegate implements JavaDelegate {

  private final FaultTimeLimits timeLimits;

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(RETURN_VISIT_DUE, Moments.toDate(timeLimits.due(WorkOrderRepository.now(),
        (String) execution.getVariable(RETURN_VISIT_LIMIT), TimeMode.NATURAL)));
  }
}
