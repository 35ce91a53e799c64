package com.serviceloop.installation;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The installation's own columns of sl_work_order (V3_2) and its appointment changes. Writes run in the
 * caller's transaction.
 */
@Repository
@RequiredArgsConstructor
public class InstallationOrders {

  private final JdbcTemplate jdbc;
  private final WorkOrderRepository workOrders;

  /** The intake's columns; volumeCoefficient: the hall order's weight in the hall's variable pay (null: none). */
  public void recordIntake(String orderNo, BroadbandOrder order, BigDecimal volumeCoefficient) {
    update(orderNo, """
        construction_mode = ?, broadband_package = ?, address_compound = ?, address_building = ?, address_room = ?,
        paid_at_hall = ?, business_hall = ?, hall_region = ?, payment_method = ?, payment_amount = ?, invoice_no = ?,
        volume_coefficient = ?, revenue_region = ?""",
        order.constructionMode().name(), order.broadbandPackage(), order.compound(), order.building(), order.room(),
        order.paidAtHall(), order.businessHall(), order.hallRegion(),
        order.paymentMethod() == null ? null : order.paymentMethod().name(), order.paymentAmount(),
        order.invoiceNo(), volumeCoefficient, order.region());
  }

  public void setDeadlines(String orderNo, Instant extractionDue, Instant appointmentDue, Instant installationDue) {
    // the customer promise is also the deadline timely handling judges the order by (first_closure_due)
    update(orderNo, "extraction_due = ?, appointment_due = ?, installation_due = ?, "
            + "first_closure_due = COALESCE(first_closure_due, ?)",
        ts(extractionDue), ts(appointmentDue), ts(installationDue), ts(installationDue));
  }

  public void setCoverageResult(String orderNo, String result) {
    update(orderNo, "coverage_result = ?", result);
  }

  public void recordExtraction(String orderNo, Instant at) {
    update(orderNo, "extracted_at = COALESCE(extracted_at, ?)", ts(at));
  }

  public void recordOrderSystemNo(String orderNo, String systemNo) {
    update(orderNo, "order_system_no = ?", systemNo);
  }

  public void recordAppointment(String orderNo, Instant appointmentAt, Instant bookedAt) {
    update(orderNo, "appointment_at = ?, appointment_booked_at = COALESCE(appointment_booked_at, ?)",
        ts(appointmentAt), ts(bookedAt));
  }

  /** The internal target (装机及时率): the work order's completion deadline, set at dispatch. */
  public void setInstallTarget(String orderNo, Instant due) {
    update(orderNo, "completion_due = ?", ts(due));
  }

  public void recordAppointmentChange(String orderNo, Instant previousAt, Instant newAt, String reason) {
    jdbc.update("""
        INSERT INTO sl_appointment_change (order_no, previous_at, new_at, reason, recorded_at) VALUES (?, ?, ?, ?, ?)""",
        orderNo, ts(previousAt), ts(newAt), reason, ts(WorkOrderRepository.now()));
    update(orderNo, "appointment_at = ?", ts(newAt));
  }

  public int appointmentChanges(String orderNo) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM sl_appointment_change WHERE order_no = ?",
        Integer.class, orderNo);
    return count == null ? 0 : count;
  }

  /** The installer who did the job: the authenticated user who completed the on-site task. */
  public void recordInstalledBy(String orderNo, String userId) {
    update(orderNo, "installed_by = ?", userId);
  }

  public void recordOnSitePayment(String orderNo, String method, BigDecimal amount) {
    update(orderNo, "payment_method = ?, payment_amount = ?", method, amount);
  }

  /** The two signatures are the authenticated user ids of the back office's and the installer's tasks. */
  public void recordHandover(String orderNo, String backOffice, String installer, BigDecimal amount,
      boolean matches) {
    update(orderNo, "handover_back_office = ?, handover_installer = ?, handover_amount = ?, handover_matches = ?",
        backOffice, installer, amount, matches);
  }

  /** The customer promise (3 natural days from acceptance). */
  public Instant installationDue(String orderNo) {
    OffsetDateTime due = jdbc.queryForObject("SELECT installation_due FROM sl_work_order WHERE order_no = ?",
        OffsetDateTime.class, orderNo);
    return due == null ? null : due.toInstant();
  }

  public void recordDaysLate(String orderNo, int daysLate) {
    update(orderNo, "days_late = ?", daysLate);
  }

  /** The installation columns of one order, by column name (for tests and the API answer). */
  public Map<String, Object> row(String orderNo) {
    return workOrders.row(orderNo);
  }

  private void update(String orderNo, String assignments, Object... args) {
    workOrders.update(orderNo, assignments, args);
  }
}
