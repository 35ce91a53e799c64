package com.serviceloop.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** Reading a query parameter that is a date, a month or another java.time value; errors in ApiError's shape. */
public final class QueryParameters {

  private QueryParameters() {}

  /**
   * The value {@code parser} reads from the trimmed text, or null and the error "{expected}, not '{text}'" in
   * {@code errors} when it does not parse (e.g. {@code LocalDate::parse}, "a date YYYY-MM-DD").
   */
  public static <T> T parse(String field, String text, Function<String, T> parser, String expected,
      List<FieldError> errors) {
    try {
      return parser.apply(text.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, expected + ", not '" + text + "'"));
      return null;
    }
  }

  /** A required date YYYY-MM-DD; null and an error in {@code errors} when it is missing or does not parse. */
  public static LocalDate date(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "required, a date YYYY-MM-DD"));
      return null;
    }
    return parse(field, text, LocalDate::parse, "a date YYYY-MM-DD", errors);
  }

  /** A month YYYY-MM, {@code otherwise} when it is missing; null and an error when it does not parse. */
  public static YearMonth month(String field, String text, YearMonth otherwise, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    return parse(field, text, YearMonth::parse, "a month YYYY-MM", errors);
  }

  /**
   * A span of months from {@code first} to {@code last} (both included) of at most {@code maxMonths}: an error
   * on {@code to} in {@code errors} when it ends before it begins or is longer. Nothing to check while either
   * end is missing (its own error is already there).
   */
  public static void monthSpan(YearMonth first, YearMonth last, int maxMonths, List<FieldError> errors) {
    if (first == null || last == null) {
      return;
    }
    if (last.isBefore(first)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (first.plusMonths(maxMonths - 1).isBefore(last)) {
      errors.add(new FieldError("to", "at most " + maxMonths + " months from from"));
    }
  }

  /**
   * A whole number of {@code unit} from {@code min} to {@code max}, {@code otherwise} when missing; an error
   * in {@code errors} when it is not a whole number or out of range.
   */
  public static int wholeNumber(String field, String text, int otherwise, int min, int max, String unit,
      List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value < min || value > max) {
        errors.add(new FieldError(field, "between " + min + " and " + max));
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "a whole number of " + unit + ", not '" + text + "'"));
      return otherwise;
    }
  }
}
