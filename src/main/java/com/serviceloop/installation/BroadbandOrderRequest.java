package com.serviceloop.installation;

import com.serviceloop.common.PhoneNumbers;
import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A broadband order's intake, from the API's JSON or the start form's variables, checked field by field.
 * JSON: channel, customerPhone, customerName, region, address {compound, building, room}, package,
 * constructionMode, acceptedAt, and for the hall businessHall, hallRegion, payment {method, amount,
 * invoiceNo, customerSigned}. The start form submits the same as flat variables (compound, building,
 * room, broadbandPackage, paymentMethod, paymentAmount, invoiceNo, customerSigned).
 */
public final class BroadbandOrderRequest {


  /** The JSON path of each variable, for error messages of the API. */
  static final Map<String, String> JSON_FIELD = Map.ofEntries(
      Map.entry(COMPOUND, "address.compound"), Map.entry(BUILDING, "address.building"),
      Map.entry(ROOM, "address.room"), Map.entry(BROADBAND_PACKAGE, "package"),
      Map.entry(PAYMENT_METHOD, "payment.method"), Map.entry(PAYMENT_AMOUNT, "payment.amount"),
      Map.entry(INVOICE_NO, "payment.invoiceNo"), Map.entry(CUSTOMER_SIGNED, "payment.customerSigned"));

  /**
   * The longest text each field may have: the length of the work-order column it is stored in
   * (V1__work_orders.sql, V3_2__installation_and_fault_repair.sql). Fault reports share the names.
   */
  public static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(
      Map.entry(CUSTOMER_PHONE, 32), Map.entry(CUSTOMER_NAME, 128), Map.entry(REGION, 64),
      Map.entry(COMPOUND, 128), Map.entry(BUILDING, 64), Map.entry(ROOM, 32), Map.entry(BROADBAND_PACKAGE, 64),
      Map.entry(BUSINESS_HALL, 128), Map.entry(HALL_REGION, 64), Map.entry(INVOICE_NO, 64),
      Map.entry("description", 4000));
  static final int DEFAULT_MAX_LENGTH = 64;
  /** payment_amount is DECIMAL(12, 2). */
  static final BigDecimal AMOUNT_MAX = new BigDecimal("9999999999.99");

  private BroadbandOrderRequest() {}

  /** The body's properties that are process variables of the same name. */
  private static final List<String> PLAIN = List.of(CHANNEL, CUSTOMER_PHONE, CUSTOMER_NAME, REGION,
      CONSTRUCTION_MODE, ACCEPTED_AT, BUSINESS_HALL, HALL_REGION);

  /** Every property of the body, nested ones as "address.compound" (any other is refused: IntakeFields). */
  public static final Set<String> JSON_FIELDS = Stream.concat(PLAIN.stream(), Stream.of("package",
      "address.compound", "address.building", "address.room",
      "payment.method", "payment.amount", "payment.invoiceNo", "payment.customerSigned")).collect(Collectors.toUnmodifiableSet());

  /** The API's JSON as the process's variables; a nested value of the wrong shape is a field error. */
  public static Map<String, Object> flatten(Map<String, Object> json, List<FieldError> errors) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String key : PLAIN) {
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
   * variable), else the order. acceptedAt defaults to now and must lie inside the intake window.
   */
  public static BroadbandOrder fromVariables(Map<String, Object> vars, ZoneId zone, IntakeWindow window) {
    return fromVariables(vars, zone, window, new ArrayList<>(), false);
  }

  /** As above; {@code json}: the values are the API's JSON (strict types, errors named by JSON path). */
  static BroadbandOrder fromVariables(Map<String, Object> vars, ZoneId zone, IntakeWindow window,
      List<FieldError> errors, boolean json) {
    boolean jsonNames = json;
    Instant now = WorkOrderRepository.now();
    InstallationChannel channel = choice(vars, CHANNEL, InstallationChannel.class, errors);
    String phone = text(vars, CUSTOMER_PHONE, errors);
    if (phone != null && !PhoneNumbers.isValid(phone)) {
      errors.add(new FieldError(CUSTOMER_PHONE, "customerPhone must be a mobile (1xxxxxxxxxx) or fixed-line number"));
    }
    String name = text(vars, CUSTOMER_NAME, errors);
    String region = text(vars, REGION, errors);
    String compound = text(vars, COMPOUND, errors);
    String building = text(vars, BUILDING, errors);
    String room = boundedOptionalText(vars, ROOM, errors);
    String broadbandPackage = text(vars, BROADBAND_PACKAGE, errors);
    ConstructionMode mode = choice(vars, CONSTRUCTION_MODE, ConstructionMode.class, errors);
    Instant acceptedAt = window.moment(vars, ACCEPTED_AT, json, zone, now, "2026-11-18T15:30+08:00", errors);
    String hall = null;
    String hallRegion = null;
    PaymentMethod method = null;
    BigDecimal amount = null;
    String invoiceNo = null;
    if (channel == InstallationChannel.BUSINESS_HALL) {
      hall = text(vars, BUSINESS_HALL, errors);
      hallRegion = text(vars, HALL_REGION, errors);
      method = choice(vars, PAYMENT_METHOD, PaymentMethod.class, errors);
      if (json && vars.get(PAYMENT_AMOUNT) != null && !(vars.get(PAYMENT_AMOUNT) instanceof Number)) {
        errors.add(new FieldError(PAYMENT_AMOUNT, PAYMENT_AMOUNT + " must be a JSON number, e.g. 300, not "
            + vars.get(PAYMENT_AMOUNT).getClass().getSimpleName().replace("LinkedHashMap", "an object")
                .replace("ArrayList", "an array").replace("String", "text")));
      } else {
        amount = amount(vars, PAYMENT_AMOUNT, errors);
      }
      invoiceNo = text(vars, INVOICE_NO, errors);
      Object signed = vars.get(CUSTOMER_SIGNED);
      if (json && signed != null && !(signed instanceof Boolean)) {
        errors.add(new FieldError(CUSTOMER_SIGNED, CUSTOMER_SIGNED + " must be a JSON boolean (true), not text"));
      } else if (!(Boolean.TRUE.equals(signed) || "true".equals(signed))) {
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
        acceptedAt != null ? acceptedAt : now, hall, hallRegion,
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
    String text = value.toString().strip();
    int max = MAX_LENGTH.getOrDefault(key, DEFAULT_MAX_LENGTH);
    if (text.length() > max) {
      errors.add(new FieldError(key, key + " must be at most " + max + " characters, not " + text.length()));
      return null;
    }
    return text;
  }

  /** An optional text: null when absent or blank, else bounded and of JSON type text like {@link #text}. */
  public static String boundedOptionalText(Map<String, Object> vars, String key, List<FieldError> errors) {
    Object value = vars.get(key);
    return value == null || value.toString().isBlank() ? null : text(vars, key, errors);
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
      if (!(value instanceof String)) {
        throw new IllegalArgumentException("not text");
      }
      return Enum.valueOf(type, value.toString().strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(key, key + " must be one of " + allowed + ", not \"" + shown(value) + "\""));
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
      } else if (amount.compareTo(AMOUNT_MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
        errors.add(new FieldError(key, key + " must be at most " + AMOUNT_MAX.toPlainString()
            + " with at most two decimals"));
      } else {
        return amount;
      }
    } catch (NumberFormatException e) {
      errors.add(new FieldError(key, key + " must be a number, not \"" + shown(value) + "\""));
    }
    return null;
  }

  /** A value as an error message quotes it: at most 40 characters. */
  static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
