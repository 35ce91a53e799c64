package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Repaired (remotely or on site): completion against the repair deadline; the return order falls due. */
@Component("recordFaultRepair")
@RequiredArgsConstructor
public class RecordFaultRepairDelegate implements JavaDelegate {

  private final FaultTimeLimits timeLimits;
  private final FaultOrders faults;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    Instant now = WorkOrderRepository.now();
    boolean remotely = Boolean.TRUE.equals(execution.getVariable(RESOLVED_REMOTELY));
    workOrders.recordCompletion(orderNo, now);
    faults.recordResolvedRemotely(orderNo, remotely);
    Object note = remotely ? execution.getVariable(RESOLUTION_NOTE) : execution.getVariable(REPAIR_NOTE);
    Object cause = execution.getVariable(FAULT_CAUSE);
    workOrders.recordResolution(orderNo, note == null ? null : note.toString(), cause == null ? null : cause.toString(),
        null, null, null);
    workOrders.setStatus(orderNo, STATUS_REPAIRED);
    execution.setVariable(RETURN_ORDER_DUE, Moments.toDate(
        timeLimits.due(now, (String) execution.getVariable(RETURN_ORDER_LIMIT), TimeMode.NATURAL)));
  }
}
