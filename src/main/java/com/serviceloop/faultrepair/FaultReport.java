package com.serviceloop.faultrepair;

import java.time.Instant;

/** A fault report as received. */
public record FaultReport(
    String customerPhone,
    String customerName,
    String region,
    Area area,
    Service service,
    Channel channel,
    String description,
    Instant receivedAt,
    Segment customerSegment) {

  /** Where the line is: the statutory repair limit differs (Telecom Regulations art. 33). */
  public enum Area { URBAN, RURAL }

  /** What is broken. */
  public enum Service { BROADBAND, FIXED_LINE }

  /** Where the report came in; KEY_ACCOUNT = the group customer's key-account manager. */
  public enum Channel { HOTLINE, HOTLINE_400, BUSINESS_HALL, ONLINE, SMS, KEY_ACCOUNT }

  /** Public (公众) or group (集团) customer. */
  public enum Segment { PUBLIC, GROUP }
}
