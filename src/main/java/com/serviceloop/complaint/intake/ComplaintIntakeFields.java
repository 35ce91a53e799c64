package com.serviceloop.complaint.intake;

import java.util.List;

/**
 * The names of the intake fields: the JSON properties of POST /api/complaints, the keys of the
 * complaint-intake start form, and the process variables of complaint-handling (docs/contracts.md).
 */
public final class ComplaintIntakeFields {

  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_SEGMENT = "customerSegment";
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String BRAND = "brand";
  public static final String REGION = "region";
  public static final String CHANNEL = "channel";
  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";
  public static final String RECEIVED_AT = "receivedAt";

  /** A REGULATOR referral's (MIIT Order 35): the regulator's reference and the deadline it set for the reply. */
  public static final String REGULATOR_REFERENCE = "regulatorReference";
  public static final String REGULATOR_REPLY_DUE = "regulatorReplyDue";

  /** Template fields with a format of their own (all others are free text). */
  public static final String BILLING_MONTH = "billingMonth";
  public static final String DISPUTED_AMOUNT = "disputedAmount";

  public static final List<String> SEGMENTS = List.of("PUBLIC", "GROUP");
  public static final List<String> TIERS = List.of("DIAMOND", "GOLD", "SILVER", "STANDARD");
  public static final List<String> CHANNELS =
      List.of("HOTLINE", "HOTLINE_400", "BUSINESS_HALL", "ONLINE", "SMS", "VIP_LINE", "REGULATOR");

  /** Mobile numbers (11 digits) and landlines with area code, as on the forms. */

  private ComplaintIntakeFields() {}
}
