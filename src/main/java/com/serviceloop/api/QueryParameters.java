package com.serviceloop.api;

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
}
