package com.serviceloop.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The service commitment's money (服务承诺): service-commitment.dmn decides the factor (2 = refunded double,
 * 0 = no compensation), this computes factor × the amount the customer lost, in yuan with 2 decimals.
 */
public final class Compensation {

  private Compensation() {}

  /**
   * @param factor the decision's compensationFactor (a number)
   * @param disputedAmount the amount from the resolution form (number or numeric text; null = nothing lost)
   */
  public static BigDecimal amount(Object factor, Object disputedAmount) {
    if (factor == null) {
      throw new IllegalArgumentException("No compensation factor: service-commitment gave no result");
    }
    BigDecimal amount = decimal(disputedAmount);
    return decimal(factor).multiply(amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal decimal(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number || value instanceof String) {
      // via the text, so 12.5 (a double) is exactly 12.5
      return new BigDecimal(value.toString().strip());
    }
    throw new IllegalArgumentException("Not an amount: " + value.getClass().getSimpleName() + " " + value);
  }
}
