package com.serviceloop.intake;

import com.serviceloop.api.FieldError;
import java.util.List;
import java.util.Map;

/**
 * Text fields of an intake, bounded by the length of the work-order column they are stored in, so that
 * text too long is a field error (400), never a database "value too long" (500).
 */
public final class Texts {

  private Texts() {}

  /**
   * The trimmed text of {@code key}; null when absent or blank (with "is required" when required), when
   * not a string (a number or object where text belongs: strict types, nothing is guessed), or longer
   * than {@code maxLength} characters.
   */
  public static String bounded(Map<String, ?> in, String key, String field, boolean required, int maxLength,
      List<FieldError> errors) {
    Object raw = in.get(key);
    if (raw != null && !(raw instanceof String)) {
      errors.add(new FieldError(field, field + " must be text"));
      return null;
    }
    String value = raw == null ? null : ((String) raw).strip();
    if (value == null || value.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, field + " is required"));
      }
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(new FieldError(field, field + " must be at most " + maxLength + " characters, not "
          + value.length()));
      return null;
    }
    return value;
  }
}
