package com.serviceloop.coverage;

import java.util.List;

/** A request that cannot be accepted as it is: answered 400 with one message per field, nothing written. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
