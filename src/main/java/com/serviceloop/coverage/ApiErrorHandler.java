package com.serviceloop.coverage;

import com.serviceloop.faultrepair.FaultReportController;
import com.serviceloop.installation.BroadbandOrderController;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 400 answers of the coverage, broadband-order and fault-report APIs, in the project's shape
 * {"message", "errors": [{"field", "message"}]} (plus "line" for CSV rows). Scoped to these controllers
 * until the shared API advice lands; the lead can fold it in.
 */
@RestControllerAdvice(assignableTypes = {CoverageController.class, BroadbandOrderController.class,
    FaultReportController.class})
public class ApiErrorHandler {

  public record ErrorBody(String message, List<FieldError> errors) {}

  @ExceptionHandler(InvalidRequestException.class)
  public ResponseEntity<ErrorBody> invalid(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), e.errors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(new ErrorBody("The request body is not valid JSON of the expected shape",
        List.of(FieldError.of("body", String.valueOf(e.getMostSpecificCause().getMessage())))));
  }

  @ExceptionHandler(NotPermittedException.class)
  public ResponseEntity<ErrorBody> forbidden(NotPermittedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(e.getMessage(), List.of()));
  }
}
