-- Idempotency-Key (issue 7): a channel system that retries a POST gets the order it already created.
-- One row per (caller, key), inserted in the same transaction as the order, so a key and its order
-- exist together or not at all; the primary key makes two concurrent identical requests (on one node
-- or two) serialize: the second waits for the first and then reads its answer. Rows older than
-- serviceloop.intake.idempotency-retention (24 h) are deleted by IdempotencyKeys.purgeExpired.
CREATE TABLE sl_idempotency_key (
  caller_id     VARCHAR(64)   NOT NULL,   -- the authenticated engine user
  idem_key      VARCHAR(128)  NOT NULL,   -- the Idempotency-Key header
  endpoint      VARCHAR(64)   NOT NULL,   -- e.g. POST /api/complaints
  request_hash  CHAR(64)      NOT NULL,   -- SHA-256 (hex) of the request body as canonical JSON
  status        INT           NOT NULL,   -- the HTTP status of the first answer (201)
  location      VARCHAR(256),
  response      VARCHAR(8000) NOT NULL,   -- the first answer's JSON body
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_sl_idempotency_key PRIMARY KEY (caller_id, idem_key)
);
CREATE INDEX ix_sl_idempotency_key_created ON sl_idempotency_key (created_at);
