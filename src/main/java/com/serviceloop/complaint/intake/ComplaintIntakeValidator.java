package com.serviceloop.complaint.intake;

import com.serviceloop.common.PhoneNumbers;
import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IntakeFields;
import com.serviceloop.intake.IntakeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a complaint as it arrives — from POST /api/complaints (JSON) or from the complaint-intake
 * start form (form variables) — and reports EVERY bad field at once, not only the first.
 *
 * <p>Required: customerPhone (mobile or landline pattern), customerName, customerSegment, customerTier,
 * region, channel, category (known to the complaint-template decision), description, and the
 * template fields of the category; optional: brand, receivedAt (ISO-8601 with an offset, inside the
 * intake window: not in the future beyond the clock tolerance, not older than serviceloop.intake.max-age;
 * default now). A REGULATOR referral requires regulatorReference (the regulator's number, at most 64 characters)
 * and regulatorReplyDue (after receivedAt, at most serviceloop.intake.regulator-reply-max on, default 30 days);
 * any other channel must not send them.
 * billingMonth is YYYY-MM, disputedAmount a number ≥ 0 with at most two decimals. Every
 * text is bounded by its work-order column. JSON from the API is held to strict types (an amount is a
 * JSON number, never a string); a start form's values may carry numbers as text. Plain domain code: no
 * Camunda types, the clock is passed in.
 */
@Component
public class ComplaintIntakeValidator {

  /** Channel systems' clocks drift a little: receivedAt may be this far ahead of ours (the default). */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  /** The work-order columns' lengths (V1__work_orders.sql); details is JSON in a VARCHAR(8000). */
  static final int PHONE_MAX = 32;
  static final int NAME_MAX = 128;
  static final int BRAND_MAX = 32;
  static final int REGION_MAX = 64;
  static final int DESCRIPTION_MAX = 4000;
  static final int TEMPLATE_TEXT_MAX = 200;
  static final int REGULATOR_REFERENCE_MAX = 64;
  /** compensation_amount is DECIMAL(12, 2), and the compensation may be twice the amount. */
  static final BigDecimal AMOUNT_MAX = new BigDecimal("1000000000");

  private static final Pattern MONTH = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

  private final ComplaintTemplates templates;
  private final IntakeWindow window;

  @Autowired
  public ComplaintIntakeValidator(ComplaintTemplates templates, IntakeWindow window) {
    this.templates = templates;
    this.window = window;
  }

  /** With the default intake window (a week, five minutes' tolerance). */
  public ComplaintIntakeValidator(ComplaintTemplates templates) {
    this(templates, IntakeWindow.defaults());
  }

  /** Where the values come from: JSON of the API (strict types) or a start form's variables. */
  public enum Source { JSON, FORM }

  /** The properties of every complaint; a category adds its template's fields (complaint-template). */
  static final List<String> COMMON_FIELDS = List.of(CUSTOMER_PHONE, CUSTOMER_NAME, CUSTOMER_SEGMENT, CUSTOMER_TIER,
      BRAND, REGION, CHANNEL, CATEGORY, DESCRIPTION, RECEIVED_AT, REGULATOR_REFERENCE, REGULATOR_REPLY_DUE);

  /** The outcome: either a complaint (no errors) or the list of bad fields (no complaint). */
  public record Result(ComplaintIntake intake, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The valid complaint, or an {@link InvalidInputException} listing every bad field. */
  public ComplaintIntake require(Map<String, ?> input, Instant now) {
    return require(input, now, Source.FORM);
  }

  /** As {@link #require(Map, Instant)}, for values from the given source. */
  public ComplaintIntake require(Map<String, ?> input, Instant now, Source source) {
    Result result = validate(input, now, source);
    if (!result.valid()) {
      throw new InvalidInputException("The complaint has " + result.errors().size() + " invalid field(s)",
          result.errors());
    }
    return result.intake();
  }

  public Result validate(Map<String, ?> input, Instant now) {
    return validate(input, now, Source.FORM);
  }

  public Result validate(Map<String, ?> input, Instant now, Source source) {
    Map<String, ?> in = input == null ? Map.of() : input;
    List<FieldError> errors = new ArrayList<>();

    String phone = text(in, CUSTOMER_PHONE, true, PHONE_MAX, errors);
    if (phone != null && !PhoneNumbers.isValid(phone)) {
      errors.add(new FieldError(CUSTOMER_PHONE,
          "must be a mobile number (11 digits, e.g. 13800138000) or a landline with area code (e.g. 010-12345678)"));
    }
    String name = text(in, CUSTOMER_NAME, true, NAME_MAX, errors);
    String segment = oneOf(in, CUSTOMER_SEGMENT, SEGMENTS, errors);
    String tier = oneOf(in, CUSTOMER_TIER, TIERS, errors);
    String brand = text(in, BRAND, false, BRAND_MAX, errors);
    String region = text(in, REGION, true, REGION_MAX, errors);
    String channel = oneOf(in, CHANNEL, CHANNELS, errors);
    String category = text(in, CATEGORY, true, 32, errors);
    String description = text(in, DESCRIPTION, true, DESCRIPTION_MAX, errors);
    Instant receivedAt = receivedAt(in.get(RECEIVED_AT), now, errors);
    if (receivedAt != null && !window.check(RECEIVED_AT, receivedAt, now, errors)) {
      receivedAt = null;
    }

    Map<String, Object> templateFields = new LinkedHashMap<>();
    if (category != null) {
      List<TemplateField> fields = templates.fieldsOf(category);
      if (fields.isEmpty()) {
        errors.add(new FieldError(CATEGORY, "unknown category '" + category + "'"));
      }
      for (TemplateField field : fields) {
        Object value = templateField(in, field, source, errors);
        if (value != null) {
          templateFields.put(field.field(), value);
        }
      }
      if (source == Source.JSON && !fields.isEmpty()) {
        // the start form's variables are checked by the submission guard; the API's body here
        Set<String> accepted = new HashSet<>(COMMON_FIELDS);
        fields.forEach(field -> accepted.add(field.field()));
        errors.addAll(IntakeFields.unknown(in, accepted));
      }
    }

    String reference = null;
    Instant replyDue = null;
    if (RegulatorReferrals.CHANNEL.equals(channel)) {
      reference = text(in, REGULATOR_REFERENCE, true, REGULATOR_REFERENCE_MAX, errors);
      replyDue = replyDue(in.get(REGULATOR_REPLY_DUE), receivedAt, errors);
    } else if (channel != null) {
      for (String field : List.of(REGULATOR_REFERENCE, REGULATOR_REPLY_DUE)) {
        Object value = in.get(field);
        if (value != null && !(value instanceof String s && s.isBlank())) {
          errors.add(new FieldError(field, "belongs to a REGULATOR referral only, not to channel " + channel));
        }
      }
    }

    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new ComplaintIntake(phone, name, segment, tier, brand, region, channel, category,
        description, receivedAt, templateFields, reference, replyDue), List.of());
  }

  private Object templateField(Map<String, ?> in, TemplateField field, Source source, List<FieldError> errors) {
    String key = field.field();
    String what = " (required for this category: " + field.label() + ")";
    if (DISPUTED_AMOUNT.equals(key)) {
      if (source == Source.JSON && in.get(key) instanceof String) {
        errors.add(new FieldError(key, "must be a JSON number, e.g. 25.50, not text"));
        return null;
      }
      return amount(in.get(key), key, what, errors);
    }
    String value = text(in, key, false, TEMPLATE_TEXT_MAX, errors);
    if (value == null) {
      if (!errors.stream().anyMatch(e -> e.field().equals(key))) {
        errors.add(new FieldError(key, "is required" + what));
      }
      return null;
    }
    if (BILLING_MONTH.equals(key) && !MONTH.matcher(value).matches()) {
      errors.add(new FieldError(key, "must be a month as YYYY-MM, e.g. 2026-10"));
      return null;
    }
    return value;
  }

  private static BigDecimal amount(Object raw, String key, String what, List<FieldError> errors) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      errors.add(new FieldError(key, "is required" + what));
      return null;
    }
    BigDecimal amount;
    try {
      if (raw instanceof Number number) {
        if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
          throw new NumberFormatException();
        }
        amount = new BigDecimal(number.toString());
      } else if (raw instanceof String s) {
        amount = new BigDecimal(s.trim());
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      errors.add(new FieldError(key, "must be a number, e.g. 25.50"));
      return null;
    }
    if (amount.compareTo(AMOUNT_MAX) > 0) {
      errors.add(new FieldError(key, "must be at most " + AMOUNT_MAX.toPlainString() + " (yuan)"));
      return null;
    }
    if (amount.signum() < 0) {
      errors.add(new FieldError(key, "must not be negative"));
      return null;
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError(key, "must have at most two decimals (yuan and fen)"));
      return null;
    }
    return amount;
  }

  /** The regulator's reply deadline: required, after the referral's receipt, at most the window's regulatorReplyMax on. */
  private Instant replyDue(Object raw, Instant receivedAt, List<FieldError> errors) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      errors.add(new FieldError(REGULATOR_REPLY_DUE, "is required for a REGULATOR referral: the deadline the"
          + " regulator set for the reply, e.g. 2026-11-27T17:00+08:00"));
      return null;
    }
    Instant due = moment(raw, REGULATOR_REPLY_DUE, errors);
    if (due == null || receivedAt == null) {
      return null;
    }
    if (!due.isAfter(receivedAt)) {
      errors.add(new FieldError(REGULATOR_REPLY_DUE, "must be after the referral was received (" + receivedAt + ")"));
      return null;
    }
    if (due.isAfter(receivedAt.plus(window.regulatorReplyMax()))) {
      errors.add(new FieldError(REGULATOR_REPLY_DUE, "must be at most " + IntakeWindow.describe(window.regulatorReplyMax())
          + " after the referral was received"));
      return null;
    }
    return due;
  }

  private static Instant receivedAt(Object raw, Instant now, List<FieldError> errors) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return now;
    }
    return moment(raw, RECEIVED_AT, errors);
  }

  private static Instant moment(Object raw, String field, List<FieldError> errors) {
    Instant at;
    if (raw instanceof String s) {
      try {
        at = OffsetDateTime.parse(s.trim()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(field,
            "must be an ISO-8601 date and time with an offset, e.g. 2026-11-20T17:00+08:00"));
        return null;
      }
    } else if (raw instanceof Date date) {
      at = date.toInstant();
    } else if (raw instanceof OffsetDateTime odt) {
      at = odt.toInstant();
    } else if (raw instanceof ZonedDateTime zdt) {
      at = zdt.toInstant();
    } else if (raw instanceof Instant instant) {
      at = instant;
    } else {
      errors.add(new FieldError(field,
          "must be an ISO-8601 date and time with an offset, e.g. 2026-11-20T17:00+08:00"));
      return null;
    }
    return at;
  }

  private static String oneOf(Map<String, ?> in, String key, List<String> allowed, List<FieldError> errors) {
    String value = text(in, key, true, 64, errors);
    if (value != null && !allowed.contains(value)) {
      errors.add(new FieldError(key, "must be one of " + String.join(", ", allowed)));
      return null;
    }
    return value;
  }

  /** A trimmed text value; null (with an error when required) when absent or blank. */
  private static String text(Map<String, ?> in, String key, boolean required, int maxLength,
      List<FieldError> errors) {
    Object raw = in.get(key);
    if (raw != null && !(raw instanceof String)) {
      errors.add(new FieldError(key, "must be text"));
      return null;
    }
    String value = raw == null ? null : ((String) raw).trim();
    if (value == null || value.isEmpty()) {
      if (required) {
        errors.add(new FieldError(key, "is required"));
      }
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(new FieldError(key, "must be at most " + maxLength + " characters"));
      return null;
    }
    return value;
  }
}
