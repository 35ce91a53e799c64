package com.serviceloop.api;

import java.util.List;

/**
 * The input is not acceptable; every bad field is listed. Answered with 400 and the field list
 * (see {@link ApiExceptionHandler}). Thrown before anything is written, so nothing half-done remains.
 */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  /**
   * The query parameters' check: 400 with every bad field collected in {@code errors}, or nothing when there
   * is none (a controller collects all its fields' errors first, so the caller sees them at once).
   */
  public static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Invalid input", errors);
    }
  }
}
