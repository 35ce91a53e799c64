package com.serviceloop.faultrepair;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The fault-repair columns of sl_work_order (V3_2). Writes run in the caller's transaction. */
@Repository
public class FaultOrders {

  private final JdbcTemplate jdbc;

  public FaultOrders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void recordIntake(String orderNo, FaultReport report) {
    update(orderNo, "area = ?, service = ?", report.area().name(), report.service().name());
  }

  public void recordResolvedRemotely(String orderNo, boolean remotely) {
    update(orderNo, "resolved_remotely = ?", remotely);
  }

  /** The repair missed its statutory limit: the customer is owed a fee reduction. */
  public void recordFeeReductionDue(String orderNo) {
    update(orderNo, "fee_reduction_due = TRUE");
  }

  public Map<String, Object> row(String orderNo) {
    return jdbc.queryForMap("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo);
  }

  private void update(String orderNo, String assignments, Object... args) {
    Object[] all = new Object[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = WorkOrderRepository.now().atOffset(ZoneOffset.UTC);
    all[args.length + 1] = orderNo;
    if (jdbc.update("UPDATE sl_work_order SET " + assignments + ", updated_at = ? WHERE order_no = ?", all) != 1) {
      throw new IllegalStateException("No work order " + orderNo);
    }
  }
}
