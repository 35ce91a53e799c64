package com.serviceloop.complaint;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record report to the regulator: the referral's reply went back to the regulator now, on time or not against
 * the deadline the referral set (regulator_reply_due); the regulator's clock stops.
 */
@Component("recordRegulatorReport")
@RequiredArgsConstructor
public class RecordRegulatorReportDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordRegulatorReport(CaseOrder.orderNo(execution), WorkOrderRepository.now());
  }
}
