package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * An SLA warning fired (a clock reached a share of its limit that dmn/sla-warning.dmn names): the work order
 * records the level reached and when, and the groups hear of it through the notification port (by default the
 * outbox the operator's staff messaging reads). Once per level: a level already reached — or a higher one —
 * is neither recorded nor sent again.
 */
@Service
@RequiredArgsConstructor
public class SlaWarnings {

  public static final String TEMPLATE = "SLA_WARNING";

  private final WorkOrderRepository workOrders;
  private final NotificationPort notifications;
  private final WorkingTimeCalendar calendar;

  /**
   * Records and sends the warning; the text the task shows, or empty when this level was already reached.
   *
   * @param groups the groups to notify (the handler's group and those sla-warning adds); blanks are skipped
   */
  public Optional<String> warn(String orderNo, SlaClock clock, int level, Instant deadline, List<String> groups,
      Instant now) {
    if (!workOrders.recordWarning(orderNo, clock, level, now)) {
      return Optional.empty();
    }
    String text = "时限预警 " + level + " 级 SLA warning level " + level + ": " + clock.label() + " 时限 due "
        + calendar.display(java.util.Date.from(deadline)) + "(预警于 warned at " + calendar.display(java.util.Date.from(now))
        + ")";
    Set<String> recipients = new LinkedHashSet<>();
    for (String group : groups) {
      if (group != null) {
        for (String one : group.split(",")) {
          if (!one.isBlank()) {
            recipients.add(one.trim());
          }
        }
      }
    }
    for (String group : recipients) {
      notifications.send(Notification.staff(orderNo, group, TEMPLATE, "工单 " + orderNo + " order: " + text));
    }
    return Optional.of(text);
  }
}
