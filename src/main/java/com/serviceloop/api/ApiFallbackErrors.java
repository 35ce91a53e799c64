package com.serviceloop.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The {@link ApiError} shape for /api requests that no ServiceLoop controller handles: an unknown path
 * (404), a method the path does not have (405), a content type it does not consume (415) or an Accept
 * header it cannot answer (406). Spring raises these before a controller is chosen, so
 * {@link ApiExceptionHandler} (limited to the project's controllers) does not see them. Outside /api
 * (the web apps, static pages) the exception is passed on to Spring's default handling unchanged.
 * The answer is always application/json, whatever the request's Accept header says.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiFallbackErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFallbackErrors.class);

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> outsideAController(Exception e, HttpServletRequest request) throws Exception {
    if (!isApi(request)) {
      throw e;
    }
    return answer(e);
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  static ResponseEntity<ApiError> answer(Exception e) {
    HttpStatusCode status;
    ApiError body;
    if (e instanceof NoResourceFoundException notFound) {
      status = HttpStatus.NOT_FOUND;
      body = ApiError.of("Not found: /" + notFound.getResourcePath());
    } else if (e instanceof HttpRequestMethodNotSupportedException method) {
      status = HttpStatus.METHOD_NOT_ALLOWED;
      body = ApiError.of("Method " + method.getMethod() + " is not supported here"
          + (method.getSupportedMethods() == null ? "" : "; use " + String.join(", ", method.getSupportedMethods())));
    } else if (e instanceof HttpMediaTypeNotSupportedException mediaType) {
      status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      body = ApiError.of("Unsupported content type " + mediaType.getContentType() + "; send "
          + (mediaType.getSupportedMediaTypes().isEmpty() ? "application/json"
              : String.join(", ", mediaType.getSupportedMediaTypes().stream().map(MediaType::toString).toList())));
    } else if (e instanceof HttpMediaTypeNotAcceptableException) {
      status = HttpStatus.NOT_ACCEPTABLE;
      body = ApiError.of("The answer is application/json; accept it (Accept: application/json)");
    } else if (e instanceof HttpMessageNotReadableException) {
      status = HttpStatus.BAD_REQUEST;
      body = ApiError.invalid("The request body is missing or is not a JSON object of the expected shape", List.of());
    } else if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
      status = framework.getStatusCode();
      body = status.value() == 400 ? ApiError.invalid("Invalid request: " + e.getMessage(), List.of())
          : ApiError.of(e.getMessage());
    } else {
      LOG.error("Unexpected failure of an /api request", e);
      status = HttpStatus.INTERNAL_SERVER_ERROR;
      body = ApiError.of("Internal error; see the server log");
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
