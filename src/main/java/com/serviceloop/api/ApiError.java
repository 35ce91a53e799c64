package com.serviceloop.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error answer of the project's own API:
 * {"message": "...", "errors": [{"field": "customerPhone", "message": "..."}]}. The field list is
 * present on 400 answers (possibly empty, e.g. for a body that is not JSON) and absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, List<FieldError> errors) {

  public static ApiError of(String message) {
    return new ApiError(message, null);
  }

  public static ApiError invalid(String message, List<FieldError> errors) {
    return new ApiError(message, List.copyOf(errors));
  }
}
