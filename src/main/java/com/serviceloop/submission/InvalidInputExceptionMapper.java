package com.serviceloop.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * On the engine REST API: a delegate that refuses its input with {@link InvalidInputException} (e.g. the
 * complaint registration's own checks on a start form) answers 400 in the engine's error shape with the
 * field list, not Camunda's generic 500. The submission guard checks first, so this is the fallback.
 */
@Provider
public class InvalidInputExceptionMapper implements ExceptionMapper<InvalidInputException> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Response toResponse(InvalidInputException exception) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "InvalidFormSubmission");
    body.put("message", SubmissionGuardFilter.summary(exception.errors()).replaceFirst("^.*?: ",
        exception.getMessage() + ": "));
    ArrayNode errors = body.putArray("errors");
    for (FieldError error : exception.errors()) {
      errors.addObject().put("field", error.field()).put("message", error.message());
    }
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString()).build();
  }
}
