package com.serviceloop.kpi;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 400 answers of the KPI and customer-base API: {"message", "errors": [{"field", "message"}]}. */
@RestControllerAdvice(assignableTypes = {KpiController.class, CustomerBaseController.class})
class KpiApiErrors {

  @ExceptionHandler(InvalidKpiRequest.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidKpiRequest e) {
    return ResponseEntity.badRequest().body(Map.of("message", "Invalid request", "errors", e.problems()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", "The body is not valid JSON",
        "errors", List.of(new InvalidKpiRequest.FieldProblem("body", "expected a JSON object"))));
  }
}
