package com.serviceloop.notification;

/**
 * A message to a customer (SMS to a phone number) or to staff (to a group).
 *
 * @param orderNo the work order it concerns, or null
 * @param channel SMS or STAFF
 * @param recipient a phone number for SMS, a group id for STAFF
 * @param template what kind of message, e.g. COMPLAINT_RECEIVED, ESCALATED
 * @param message the text as the recipient reads it
 */
public record Notification(String orderNo, Channel channel, String recipient, String template, String message) {

  public enum Channel { SMS, STAFF }

  public static Notification sms(String orderNo, String phone, String template, String message) {
    return new Notification(orderNo, Channel.SMS, phone, template, message);
  }

  public static Notification staff(String orderNo, String group, String template, String message) {
    return new Notification(orderNo, Channel.STAFF, group, template, message);
  }
}
