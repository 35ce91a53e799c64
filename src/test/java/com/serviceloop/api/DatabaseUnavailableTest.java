package com.serviceloop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** A lost database is a 503 with Retry-After and no SQL; any other failure stays what it was. */
class DatabaseUnavailableTest {

  static final SQLTransientConnectionException POOL_TIMEOUT =
      new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");

  @Test
  void thePoolTimeoutAndABrokenConnectionAreRecognised_howeverDeepTheEngineWrapsThem() {
    assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("no connection", POOL_TIMEOUT))).isTrue();
    ProcessEnginePersistenceException lost = new ProcessEnginePersistenceException("ENGINE-03004 ...",
        new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    assertThat(DatabaseUnavailable.isCause(new ProcessEngineException("wrapped", lost))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
  }

  /** Seen in fault test (b): the connection died mid-transaction, and then its rollback failed too. */
  @Test
  void aFailedRollbackOnTheLostConnectionIsAnOutage() {
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
        "An I/O error occurred while sending to the backend."));
    assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
    // seen in fault test (b) on 2026-12-02: after a commit failed on I/O, Spring throws the rollback's
    // exception without the commit's (it only logs "Commit exception overridden by rollback exception")
    assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
    assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("no transaction in progress"))).isFalse();
  }

  @Test
  void aConstraintViolationOrABugIsNotAnOutage() {
    assertThat(DatabaseUnavailable.isCause(new ProcessEnginePersistenceException("dup",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.isCause(null)).isFalse();
  }

  @Test
  void theApiFallbackAnswers503WithRetryAfterInTheApiErrorShape() {
    ResponseEntity<ApiError> answer = new ApiExceptionHandler().unexpected(
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction", POOL_TIMEOUT));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getBody().message()).contains("retry").doesNotContain("Hikari");
    assertThat(new ApiExceptionHandler().unexpected(new IllegalStateException("bug")).getStatusCode())
        .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Test
  void theFilterAnswersAnOutageDuringAuthentication_inEachApisShape() throws Exception {
    DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(new ObjectMapper());
    for (String path : new String[] {"/api/complaints", "/engine-rest/task"}) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(new MockHttpServletRequest("POST", path), response, new MockFilterChain() {
        @Override
        public void doFilter(ServletRequest request, ServletResponse r) {
          throw new ProcessEngineException("checkPassword", new PersistenceException(POOL_TIMEOUT));
        }
      });
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
      assertThat(response.getContentAsString()).contains("\"message\"").doesNotContain("Hikari");
      assertThat(response.getContentAsString().contains("DatabaseUnavailable"))
          .isEqualTo(path.startsWith("/engine-rest"));
    }
  }

  @Test
  void theFilterLeavesOtherFailuresAlone() {
    DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(new ObjectMapper());
    assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/x"),
        new MockHttpServletResponse(), (request, response) -> {
          throw new ServletException("other");
        })).isInstanceOf(ServletException.class).hasMessage("other");
  }

  @Test
  void theEngineRestApiAnswers503InItsOwnShape() {
    jakarta.ws.rs.core.Response answer = new EngineRestDatabaseUnavailableMapper.Transaction()
        .toResponse(new CannotCreateTransactionException("no connection", POOL_TIMEOUT));
    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(answer.getEntity().toString()).contains("DatabaseUnavailable");
  }
}
