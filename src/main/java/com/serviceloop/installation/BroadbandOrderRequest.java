package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A broadband order's intake, from the API's JSON or the start form's variables, checked field by field.
 * JSON: channel, customerPhone, customerName, region, address {compound, building, room}, package,
 * constructionMode, acceptedAt, and for the hall businessHall, hallRegion, payment {method, amount,
 * invoiceNo, customerSigned}. The start form submits the same as flat variables (compound, building,
 * room, broadbandPackage, paymentMethod, paymentAmount, invoiceNo, customerSigned).
 */
public final class BroadbandOrderRequest {

  public static final Pattern PHONE = Pattern.compile("^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$");

  /** The JSON path of each variable, for error messages of the API. */
  static final Map<String, String> JSON_FIELD = Map.ofEntries(
      Map.entry(COMPOUND, "address.compound"), Map.entry(BUILDING, "address.building"),
      Map.entry(ROOM, "address.room"), Map.entry(BROADBAND_PACKAGE, "package"),
      Map.entry(PAYMENT_METHOD, "payment.method"), Map.entry(PAYMENT_AMOUNT, "payment.amount"),
      Map.entry(INVOICE_NO, "payment.invoiceNo"), Map.entry(CUSTOMER_SIGNED, "payment.customerSigned"));

  private BroadbandOrderRequest() {}

  /** The API's JSON as the process's variables; a nested value of the wrong shape is a field error. */
  public static Map<String, Object> flatten(Map<String, Object> json, List<FieldError> errors) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String key : List.of(CHANNEL, CUSTOMER_PHONE, CUSTOMER_NAME, REGION, CONSTRUCTION_MODE, ACCEPTED_AT,
        BUSINESS_HALL, HALL_REGION)) {
      vars.put(key, json.get(key));
    }
    vars.put(BROADBAND_PACKAGE, json.get("package"));
    Map<?, ?> address = object(json, "address", errors);
    if (address != null) {
      vars.put(COMPOUND, address.get("compound"));
      vars.put(BUILDING, address.get("building"));
      vars.put(ROOM, address.get("room"));
    } else if (!json.containsKey("address") || json.get("address") == null) {
      errors.add(new FieldError("address", "address is required: {compound, building, room}"));
    }
    Map<?, ?> payment = object(json, "payment", errors);
    if (payment != null) {
      vars.put(PAYMENT_METHOD, payment.get("method"));
      vars.put(PAYMENT_AMOUNT, payment.get("amount"));
      vars.put(INVOICE_NO, payment.get("invoiceNo"));
      vars.put(CUSTOMER_SIGNED, payment.get("customerSigned"));
    }
    return vars;
  }

  private static Map<?, ?> object(Map<String, Object> json, String key, List<FieldError> errors) {
    Object value = json.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    errors.add(new FieldError(key, key + " must be an object"));
    return null;
  }

  /**
   * Checks every field; throws {@link InvalidInputException} listing each bad one (named as the
   * variable), else the order. acceptedAt defaults to now.
   */
  public static BroadbandOrder fromVariables(Map<String, Object> vars, ZoneId zone) {
    return fromVariables(vars, zone, new ArrayList<>(), false);
  }

  static BroadbandOrder fromVariables(Map<String, Object> vars, ZoneId zone, List<FieldError> errors,
      boolean jsonNames) {
    InstallationChannel channel = choice(vars, CHANNEL, InstallationChannel.class, errors);
    String phone = text(vars, CUSTOMER_PHONE, errors);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.add(new FieldError(CUSTOMER_PHONE, "customerPhone must be a mobile (1xxxxxxxxxx) or fixed-line number"));
    }
    String name = text(vars, CUSTOMER_NAME, errors);
    String region = text(vars, REGION, errors);
    String compound = text(vars, COMPOUND, errors);
    String building = text(vars, BUILDING, errors);
    String room = optionalText(vars, ROOM);
    String broadbandPackage = text(vars, BROADBAND_PACKAGE, errors);
    ConstructionMode mode = choice(vars, CONSTRUCTION_MODE, ConstructionMode.class, errors);
    Instant acceptedAt = null;
    try {
      acceptedAt = Moments.toInstant(vars.get(ACCEPTED_AT), zone);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(ACCEPTED_AT, "acceptedAt must be ISO-8601 with an offset, e.g. 2026-11-18T15:30+08:00"));
    }
    String hall = null;
    String hallRegion = null;
    PaymentMethod method = null;
    BigDecimal amount = null;
    String invoiceNo = null;
    if (channel == InstallationChannel.BUSINESS_HALL) {
      hall = text(vars, BUSINESS_HALL, errors);
      hallRegion = text(vars, HALL_REGION, errors);
      method = choice(vars, PAYMENT_METHOD, PaymentMethod.class, errors);
      amount = amount(vars, PAYMENT_AMOUNT, errors);
      invoiceNo = text(vars, INVOICE_NO, errors);
      Object signed = vars.get(CUSTOMER_SIGNED);
      if (!(Boolean.TRUE.equals(signed) || "true".equals(signed))) {
        errors.add(new FieldError(CUSTOMER_SIGNED, "customerSigned must be true: the customer signs the hall order"));
      }
    } else if (channel != null && vars.get(PAYMENT_METHOD) != null) {
      errors.add(new FieldError(PAYMENT_METHOD, "payment is taken on site for " + channel + " orders, not at intake"));
    }
    if (!errors.isEmpty()) {
      List<FieldError> named = jsonNames
          ? errors.stream().map(e -> JSON_FIELD.containsKey(e.field())
              ? new FieldError(JSON_FIELD.get(e.field()), e.message().replace(e.field(), JSON_FIELD.get(e.field())))
              : e).toList()
          : errors;
      throw new InvalidInputException("The broadband order has " + named.size() + " invalid field(s): "
          + String.join("; ", named.stream().map(FieldError::message).toList()), named);
    }
    return new BroadbandOrder(channel, phone, name, region, compound, building, room, broadbandPackage, mode,
        acceptedAt != null ? acceptedAt : WorkOrderRepository.now(), hall, hallRegion,
        method, amount, invoiceNo);
  }

  /** A number from JSON, a form (Long, Double) or a string; null when absent. */
  public static BigDecimal decimal(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return new BigDecimal(value.toString().strip());
  }

  public static String text(Map<String, Object> vars, String key, List<FieldError> errors) {
    Object value = vars.get(key);
    if (value == null || value.toString().isBlank()) {
      errors.add(new FieldError(key, key + " is required"));
      return null;
    }
    if (!(value instanceof String)) {
      errors.add(new FieldError(key, key + " must be text"));
      return null;
    }
    return value.toString().strip();
  }

  public static String optionalText(Map<String, Object> vars, String key) {
    Object value = vars.get(key);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  public static <E extends Enum<E>> E choice(Map<String, Object> vars, String key, Class<E> type, List<FieldError> errors) {
    Object value = vars.get(key);
    String allowed = Arrays.toString(type.getEnumConstants());
    if (value == null || value.toString().isBlank()) {
      errors.add(new FieldError(key, key + " is required, one of " + allowed));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(key, key + " must be one of " + allowed + ", not \"" + value + "\""));
      return null;
    }
  }

  static BigDecimal amount(Map<String, Object> vars, String key, List<FieldError> errors) {
    Object value = vars.get(key);
    try {
      BigDecimal amount = decimal(value);
      if (amount == null) {
        errors.add(new FieldError(key, key + " is required"));
      } else if (amount.signum() < 0) {
        errors.add(new FieldError(key, key + " must be >= 0"));
      } else {
        return amount;
      }
    } catch (NumberFormatException e) {
      errors.add(new FieldError(key, key + " must be a number, not \"" + value + "\""));
    }
    return null;
  }
}
