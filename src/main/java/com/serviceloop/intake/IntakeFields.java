package com.serviceloop.intake;

import com.serviceloop.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties an intake body may have. Any other is refused with the body's other bad fields (400 naming
 * it), never silently dropped: a caller who sends an order number, a deadline or a status may believe it was
 * taken.
 */
public final class IntakeFields {

  static final String NOT_A_FIELD = "is not a field of this request (the process sets it, or it does not exist)";

  private IntakeFields() {}

  /** {@code fields}: the body's properties, a nested object's as {@code "address.compound"}. */
  public static List<FieldError> unknown(Map<String, ?> json, Set<String> fields) {
    List<FieldError> errors = new ArrayList<>();
    if (json != null) {
      collect("", json, fields, errors);
    }
    return errors;
  }

  private static void collect(String prefix, Map<?, ?> json, Set<String> fields, List<FieldError> errors) {
    for (Map.Entry<?, ?> entry : json.entrySet()) {
      String name = prefix + entry.getKey();
      boolean nested = fields.stream().anyMatch(field -> field.startsWith(name + "."));
      if (nested && entry.getValue() instanceof Map<?, ?> object) {
        collect(name + ".", object, fields, errors);
      } else if (!nested && !fields.contains(name)) {
        errors.add(new FieldError(name, NOT_A_FIELD));
      }
    }
  }
}
