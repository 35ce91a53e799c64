package com.serviceloop.kpi;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Broadband customers per region and month (sl_customer_base). */
@Repository
@RequiredArgsConstructor
public class CustomerBaseRepository {

  private final JdbcTemplate jdbc;

  /** Sets the figure of a region and month; true when it was new. Same SQL on H2 and PostgreSQL. */
  @Transactional
  public boolean upsert(String region, YearMonth month, long broadbandCustomers) {
    OffsetDateTime now = WorkOrderRepository.now().atOffset(ZoneOffset.UTC);
    int updated = jdbc.update("UPDATE sl_customer_base SET broadband_customers = ?, updated_at = ?"
        + " WHERE region = ? AND base_month = ?", broadbandCustomers, now, region, month.toString());
    if (updated > 0) {
      return false;
    }
    try {
      jdbc.update("INSERT INTO sl_customer_base (region, base_month, broadband_customers, updated_at) VALUES (?, ?, ?, ?)",
          region, month.toString(), broadbandCustomers, now);
      return true;
    } catch (DuplicateKeyException raced) {
      jdbc.update("UPDATE sl_customer_base SET broadband_customers = ?, updated_at = ? WHERE region = ? AND base_month = ?",
          broadbandCustomers, now, region, month.toString());
      return false;
    }
  }
}
