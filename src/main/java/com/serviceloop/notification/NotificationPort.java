package com.serviceloop.notification;

/**
 * Where notifications leave ServiceLoop. The operator's SMS gateway and staff messaging are its
 * systems, not ours: the default adapter writes an outbox they read; another adapter can replace it.
 */
public interface NotificationPort {

  void send(Notification notification);
}
