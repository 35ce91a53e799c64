package com.serviceloop.workorder;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** An order number as the lookups accept it: a type prefix and digits, e.g. INS-000042. */
public final class OrderNumbers {

  private static final Pattern ORDER_NO = Pattern.compile("^[A-Z]{3}-[0-9A-Z-]{1,24}$");

  private OrderNumbers() {}

  /**
   * The trimmed number; 400 for something that cannot be an order number at all (an unknown but
   * well-formed number is the caller's 404).
   */
  public static String require(String orderNo) {
    String trimmed = orderNo == null ? "" : orderNo.trim();
    if (!ORDER_NO.matcher(trimmed).matches()) {
      throw new InvalidInputException("Invalid input", List.of(new FieldError("orderNo",
          "an order number such as INS-000042 (three capital letters, a hyphen, digits), not '" + orderNo + "'")));
    }
    return trimmed;
  }
}
