package com.serviceloop.notification;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneOffset;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default notification adapter: a row in sl_notification_outbox, written in the caller's
 * transaction (so a notification exists exactly when the step that sent it committed). The SMS
 * gateway polls PENDING rows and marks them SENT.
 */
@Component
@RequiredArgsConstructor
public class OutboxNotificationAdapter implements NotificationPort {

  private final JdbcTemplate jdbc;

  @Override
  public void send(Notification notification) {
    jdbc.update("""
        INSERT INTO sl_notification_outbox (order_no, channel, recipient, template, message, status, created_at)
        VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""",
        notification.orderNo(), notification.channel().name(), notification.recipient(),
        notification.template(), notification.message(),
        WorkOrderRepository.now().atOffset(ZoneOffset.UTC));
  }
}
