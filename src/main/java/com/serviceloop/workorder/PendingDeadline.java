package com.serviceloop.workorder;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The next deadline an open work order still has to meet: the earliest of its deadlines whose milestone
 * is not yet reached (first contact, extraction, appointment call, the work itself, the customer promise,
 * closure). Read from a sl_work_order row (column names as in the table, any case).
 */
public record PendingDeadline(String name, Instant due) {

  /** milestone deadline column → the column that, once set, means the deadline was met. */
  private static final String[][] DEADLINES = {
      {"firstContact", "first_contact_due", "first_contact_at"},
      {"extraction", "extraction_due", "extracted_at"},
      {"appointment", "appointment_due", "appointment_booked_at"},
      {"completion", "completion_due", "completed_at"},
      {"installation", "installation_due", "completed_at"},
      {"closure", "closure_due", "closed_at"}};

  public static Optional<PendingDeadline> of(Map<String, Object> row) {
    if (row.get("closed_at") != null) {
      return Optional.empty();
    }
    PendingDeadline next = null;
    for (String[] deadline : DEADLINES) {
      Instant due = WorkOrderView.instant(row.get(deadline[1]));
      if (due != null && row.get(deadline[2]) == null && (next == null || due.isBefore(next.due()))) {
        next = new PendingDeadline(deadline[0], due);
      }
    }
    return Optional.ofNullable(next);
  }

  public boolean overdueAt(Instant now) {
    return due.isBefore(now);
  }
}
