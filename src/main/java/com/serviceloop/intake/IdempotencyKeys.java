package com.serviceloop.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.serviceloop.api.ApiError;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.common.EngineCaller;
import com.serviceloop.workorder.WorkOrderRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Idempotency-Key request header of the intake POSTs (the convention of payment APIs): a retried POST
 * from the same caller with the same key and the same body answers 200 with the body of the order it
 * already created, and creates nothing; the same key with another body (or on another endpoint) is 409.
 *
 * <p>The key row is inserted first, in the transaction that creates the order, and holds the answer; so
 * a key exists exactly when its order does. Two concurrent requests with one key (on one node or two)
 * collide on the primary key: the database makes the second wait until the first commits, its insert
 * then fails, and it answers from the committed row. A refused request (400) rolls its key back, so a
 * corrected retry may use the same key. Keys are kept {@code serviceloop.intake.idempotency-retention}
 * (24 h); an hourly job deletes older ones, and an expired key found before that is treated as new.
 */
@Component
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  /** Set on a replayed answer. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
  /**
   * How long a request waits for a running first request with its key: a database that gives up a lock
   * wait early (H2) is asked again every {@link #RETRY_PAUSE} until then; the answer is then 409.
   */
  private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final ObjectMapper canonical;
  private final IdentityService identity;
  private final IntakeProperties properties;

  public IdempotencyKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
      IdentityService identity, IntakeProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    this.identity = identity;
    this.properties = properties;
  }

  /**
   * Runs {@code create} (which creates an order and answers 201) once per (caller, key): without a key
   * simply in a transaction; with one, a repeat answers the stored response.
   */
  public ResponseEntity<Object> once(String endpoint, String key, Object body, Supplier<ResponseEntity<?>> create) {
    if (key == null) {
      return transaction.execute(status -> copy(create.get()));
    }
    if (!KEY.matcher(key).matches()) {
      throw new InvalidInputException("Invalid " + HEADER + " header", List.of(new FieldError(HEADER,
          "must be 1 to 128 visible ASCII characters (e.g. a UUID)")));
    }
    String caller = callerId();
    String hash = hash(body);
    long giveUpAt = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
    while (System.nanoTime() < giveUpAt) {
      try {
        return transaction.execute(status -> {
          Instant now = WorkOrderRepository.now();
          try {
            jdbc.update("INSERT INTO sl_idempotency_key (caller_id, idem_key, endpoint, request_hash, status,"
                + " response, created_at) VALUES (?, ?, ?, ?, 0, '', ?)", caller, key, endpoint, hash,
                Timestamp.from(now));
          } catch (TransientDataAccessException lockTimeout) {
            // the first request with this key is still running (a database without lock waits, or a
            // lock timeout such as H2's): ask again
            throw new KeyBusy(lockTimeout);
          }
          ResponseEntity<Object> answer = copy(create.get());
          jdbc.update("UPDATE sl_idempotency_key SET status = ?, location = ?, response = ? WHERE caller_id = ?"
              + " AND idem_key = ?", answer.getStatusCode().value(),
              answer.getHeaders().getLocation() == null ? null : answer.getHeaders().getLocation().toString(),
              write(answer.getBody()), caller, key);
          return answer;
        });
      } catch (KeyBusy busy) {
        LOG.debug("Idempotency-Key {} of {} is in use by a running request", key, caller);
        pause();
        continue;
      } catch (DuplicateKeyException taken) {
        Optional<Stored> stored = stored(caller, key);
        if (stored.isEmpty()) {
          continue; // the first request was rolled back in the meantime: this one is the first now
        }
        if (stored.get().createdAt().isBefore(WorkOrderRepository.now().minus(properties.idempotencyRetention()))) {
          jdbc.update("DELETE FROM sl_idempotency_key WHERE caller_id = ? AND idem_key = ?", caller, key);
          continue;
        }
        return replay(stored.get(), endpoint, hash);
      }
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of("A request with this " + HEADER + " is still being processed; retry it later"));
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a request with the same Idempotency-Key", e);
    }
  }

  /** The key's row is locked by a request still running. */
  private static final class KeyBusy extends RuntimeException {
    KeyBusy(Throwable cause) {
      super(cause);
    }
  }

  private ResponseEntity<Object> replay(Stored stored, String endpoint, String hash) {
    if (!stored.endpoint().equals(endpoint) || !stored.hash().equals(hash)) {
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
          .body(ApiError.of("The " + HEADER + " was already used for a different request ("
              + (stored.endpoint().equals(endpoint) ? "another body" : stored.endpoint())
              + "); use a new key for a new request"));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(REPLAYED_HEADER, "true");
    if (stored.location() != null) {
      headers.set(HttpHeaders.LOCATION, stored.location());
    }
    try {
      return ResponseEntity.ok().headers(headers).body(json.readTree(stored.response()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answer of an Idempotency-Key is not JSON", e);
    }
  }

  record Stored(String endpoint, String hash, int status, String location, String response, Instant createdAt) {}

  private Optional<Stored> stored(String caller, String key) {
    return jdbc.query("SELECT endpoint, request_hash, status, location, response, created_at FROM sl_idempotency_key"
        + " WHERE caller_id = ? AND idem_key = ?", (rs, n) -> new Stored(rs.getString(1), rs.getString(2).strip(),
            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), caller, key)
        .stream().findFirst();
  }

  /** Deletes keys older than the retention; hourly (and callable by an administrator's job). */
  @Scheduled(fixedDelayString = "${serviceloop.intake.idempotency-purge-interval:PT1H}",
      initialDelayString = "${serviceloop.intake.idempotency-purge-interval:PT1H}")
  public int purgeExpired() {
    Instant before = WorkOrderRepository.now().minus(properties.idempotencyRetention());
    int deleted = jdbc.update("DELETE FROM sl_idempotency_key WHERE created_at < ?", Timestamp.from(before));
    if (deleted > 0) {
      LOG.info("Deleted {} Idempotency-Key(s) older than {}", deleted, properties.idempotencyRetention());
    }
    return deleted;
  }

  private String callerId() {
    EngineCaller caller = EngineCaller.current(identity);
    if (caller == null || caller.userId() == null) {
      throw new IllegalStateException("An intake POST without an authenticated caller");
    }
    return caller.userId();
  }

  private String hash(Object body) {
    try {
      // Maps (the parsed body and its nested objects) are written with their keys sorted.
      byte[] canonicalJson = canonical.writeValueAsBytes(body == null ? Map.of() : body);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object body) {
    try {
      String text = json.writeValueAsString(body);
      if (text.length() > 8000) {
        throw new IllegalStateException("An intake answer longer than the idempotency column (8000)");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ResponseEntity<Object> copy(ResponseEntity<?> answer) {
    return (ResponseEntity<Object>) answer;
  }
}
