package com.serviceloop.faultrepair;

import com.serviceloop.workorder.WorkOrderRepository;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Repository;

/** The fault-repair columns of sl_work_order (V3_2). Writes run in the caller's transaction. */
@Repository
@RequiredArgsConstructor
public class FaultOrders {

  private final WorkOrderRepository workOrders;

  public void recordIntake(String orderNo, FaultReport report) {
    workOrders.update(orderNo, "area = ?, service = ?", report.area().name(), report.service().name());
  }

  public void recordResolvedRemotely(String orderNo, boolean remotely) {
    workOrders.update(orderNo, "resolved_remotely = ?", remotely);
  }

  /** The repair missed its statutory limit: the customer is owed a fee reduction. */
  public void recordFeeReductionDue(String orderNo) {
    workOrders.update(orderNo, "fee_reduction_due = TRUE");
  }

  public Map<String, Object> row(String orderNo) {
    return workOrders.row(orderNo);
  }
}
