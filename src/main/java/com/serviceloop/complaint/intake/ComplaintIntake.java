package com.serviceloop.complaint.intake;

import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complaint as intake accepted it: every field valid, receivedAt resolved (default: now), and
 * the template fields of its category (billingMonth "2026-10", disputedAmount as a BigDecimal,
 * the others as text) — and only those. A REGULATOR referral also carries the regulator's reference and the
 * deadline it set for the reply (both null for every other channel).
 */
public record ComplaintIntake(
    String customerPhone,
    String customerName,
    String customerSegment,
    String customerTier,
    String brand,
    String region,
    String channel,
    String category,
    String description,
    Instant receivedAt,
    Map<String, Object> templateFields,
    String regulatorReference,
    Instant regulatorReplyDue) {

  public ComplaintIntake {
    templateFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templateFields));
  }

  /**
   * The start variables of complaint-handling, typed as the process expects them: receivedAt a
   * java.util.Date (timers and due dates), disputedAmount a Double (as a Camunda Form number
   * submits it), everything else a String. No Camunda types, so this stays domain code.
   */
  public Map<String, Object> toProcessVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CUSTOMER_PHONE, customerPhone);
    variables.put(CUSTOMER_NAME, customerName);
    variables.put(CUSTOMER_SEGMENT, customerSegment);
    variables.put(CUSTOMER_TIER, customerTier);
    variables.put(BRAND, brand);
    variables.put(REGION, region);
    variables.put(CHANNEL, channel);
    variables.put(CATEGORY, category);
    variables.put(DESCRIPTION, description);
    variables.put(RECEIVED_AT, Date.from(receivedAt));
    if (regulatorReference != null) {
      variables.put(REGULATOR_REFERENCE, regulatorReference);
      variables.put(REGULATOR_REPLY_DUE, Date.from(regulatorReplyDue));
    }
    templateFields.forEach((field, value) ->
        variables.put(field, value instanceof BigDecimal amount ? amount.doubleValue() : value));
    return variables;
  }
}
