package com.serviceloop.installation;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default order-system adapter: records the entry in sl_order_system_entry and answers an order
 * number PB-&lt;region&gt;-&lt;id&gt;. Idempotent: a retried job gets the number it got the first time.
 */
@Component
@RequiredArgsConstructor
public class RecordingOrderSystemAdapter implements OrderSystemPort {

  private final JdbcTemplate jdbc;

  @Override
  public String enterOrder(String orderNo, String homeRegion, String broadbandPackage, String remark) {
    List<String> existing = jdbc.queryForList("SELECT system_no FROM sl_order_system_entry WHERE order_no = ?",
        String.class, orderNo);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    jdbc.update("INSERT INTO sl_order_system_entry (order_no, home_region, remark, created_at) VALUES (?, ?, ?, ?)",
        orderNo, homeRegion, remark, WorkOrderRepository.now().atOffset(ZoneOffset.UTC));
    Long id = jdbc.queryForObject("SELECT id FROM sl_order_system_entry WHERE order_no = ?", Long.class, orderNo);
    String systemNo = String.format("PB%08d", id);
    jdbc.update("UPDATE sl_order_system_entry SET system_no = ? WHERE order_no = ?", systemNo, orderNo);
    return systemNo;
  }

  public String remarkOf(String orderNo) {
    return jdbc.queryForObject("SELECT remark FROM sl_order_system_entry WHERE order_no = ?", String.class, orderNo);
  }
}
