package com.serviceloop.coverage;

/**
 * One problem with a request: the field (or CSV column) and what is wrong with it. {@code line} is the
 * CSV line number (1 = the header) when the problem is in an uploaded file, else null.
 */
public record FieldError(String field, String message, Integer line) {

  public static FieldError of(String field, String message) {
    return new FieldError(field, message, null);
  }
}
