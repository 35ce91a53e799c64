package com.serviceloop.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API (/engine-rest) answers an unreachable database with 503 and {@code Retry-After}
 * in its own error shape ({@code type}, {@code message}) instead of a 500. Any other failure is answered
 * exactly as the engine REST API's own mappers answer it ({@link ExceptionHandlerHelper}). Jersey picks
 * the mapper of the nearest exception type, so these two sit between Camunda's
 * {@code ExceptionMapper<Throwable>} / {@code <ProcessEngineException>} and the exceptions they answer.
 */
public final class EngineRestDatabaseUnavailableMapper {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestDatabaseUnavailableMapper.class);

  private EngineRestDatabaseUnavailableMapper() {}

  static Response answer(Throwable e) {
    if (!DatabaseUnavailable.isCause(e)) {
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
    LOG.warn("Database unreachable; engine REST request answered 503: {}", e.toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DatabaseUnavailable");
    body.put("message", DatabaseUnavailable.MESSAGE);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  /** A connection lost inside an engine command (the engine wraps the driver's exception). */
  public static class Persistence implements ExceptionMapper<ProcessEnginePersistenceException> {
    @Override
    public Response toResponse(ProcessEnginePersistenceException e) {
      return answer(e);
    }
  }

  /** No connection for a new transaction (Spring's transaction manager, e.g. the pool timed out). */
  public static class Transaction implements ExceptionMapper<org.springframework.transaction.TransactionException> {
    @Override
    public Response toResponse(org.springframework.transaction.TransactionException e) {
      return answer(e);
    }
  }

  @Configuration
  static class Registration {
    @Bean
    ResourceConfigCustomizer databaseUnavailableMappers() {
      return config -> config.register(Persistence.class).register(Transaction.class);
    }
  }
}
