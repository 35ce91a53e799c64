package com.serviceloop.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (pool timeout, refused or broken connection, server shutting down):
 * the request is answered 503 with {@code Retry-After} in the {@link ApiError} shape, without any SQL,
 * so a channel system retries instead of treating it as a bug. Detected anywhere in the cause chain,
 * because the engine and Spring wrap the driver's exception differently.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before retrying; the pool's own timeout is a few seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;
  public static final String MESSAGE =
      "The database is not reachable at the moment; retry after " + RETRY_AFTER_SECONDS + " seconds";

  private DatabaseUnavailable() {}

  /** True when the failure is the database being unreachable, not a fault of the request or the code. */
  public static boolean isCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    if (failure != null) {
      todo.push(failure);
    }
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      // A rollback that fails on the lost connection replaces the exception that caused it.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
        todo.push(rollback.getApplicationException());
      }
      // A commit that fails on I/O is followed by a rollback that fails too, and Spring then throws the
      // rollback's exception alone (the commit's is only logged): a JDBC rollback fails on a dead connection.
      if (t instanceof TransactionSystemException rollback && rollback.getCause() instanceof SQLException) {
        return true;
      }
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down / starting up). */
  static boolean isConnectionState(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01")
        || sqlState.equals("57P02") || sqlState.equals("57P03"));
  }

  public static ResponseEntity<ApiError> response() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
        .body(ApiError.of(MESSAGE));
  }
}
