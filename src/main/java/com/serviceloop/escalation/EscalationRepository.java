package com.serviceloop.escalation;

import static com.serviceloop.common.SqlTimestamps.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Each level an escalation went through (table sl_escalation), written in the caller's transaction. */
@Repository
@RequiredArgsConstructor
public class EscalationRepository {

  /** One level of one escalation. */
  public record EscalationStep(long id, String orderNo, String reason, int level, String groupId, Instant due,
      Instant startedAt, Instant answeredAt, String instruction, Instant newDeadline, Instant closedAt,
      String closedReason) {}

  /** Why a level was closed without an answer (sl_escalation.closed_reason). */
  public static final String CLOSED_RAISED = "RAISED";
  public static final String CLOSED_ORDER_ENDED = "ORDER_ENDED";

  private final JdbcTemplate jdbc;

  /** A level starts: returns the row's id. */
  public long start(String orderNo, String reason, int level, String groupId, Instant due, Instant startedAt) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          INSERT INTO sl_escalation (order_no, reason, level, group_id, due, started_at)
          VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setString(1, orderNo);
      ps.setString(2, reason);
      ps.setInt(3, level);
      ps.setString(4, groupId);
      ps.setObject(5, ts(due));
      ps.setObject(6, ts(startedAt));
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  /** The supervisor answered: the instruction and any new deadline for the work order. */
  public void answer(long id, Instant answeredAt, String instruction, Instant newDeadline) {
    int rows = jdbc.update("UPDATE sl_escalation SET answered_at = ?, instruction = ?, new_deadline = ? WHERE id = ?",
        ts(answeredAt), instruction, ts(newDeadline), id);
    if (rows != 1) {
      throw new IllegalStateException("No escalation " + id);
    }
  }

  /** Closes one level if it is neither answered nor closed; true if it was open. */
  public boolean close(long id, Instant closedAt, String reason) {
    return jdbc.update("UPDATE sl_escalation SET closed_at = ?, closed_reason = ? WHERE id = ?"
        + " AND answered_at IS NULL AND closed_at IS NULL", ts(closedAt), reason, id) == 1;
  }

  /** Closes every level of the order that is neither answered nor closed; returns how many. */
  public int closeOpen(String orderNo, Instant closedAt, String reason) {
    return jdbc.update("UPDATE sl_escalation SET closed_at = ?, closed_reason = ? WHERE order_no = ?"
        + " AND answered_at IS NULL AND closed_at IS NULL", ts(closedAt), reason, orderNo);
  }

  public List<EscalationStep> forOrder(String orderNo) {
    return jdbc.query("SELECT * FROM sl_escalation WHERE order_no = ? ORDER BY id", this::map, orderNo);
  }

  private EscalationStep map(ResultSet rs, int row) throws SQLException {
    return new EscalationStep(rs.getLong("id"), rs.getString("order_no"), rs.getString("reason"), rs.getInt("level"),
        rs.getString("group_id"), instant(rs, "due"), instant(rs, "started_at"), instant(rs, "answered_at"),
        rs.getString("instruction"), instant(rs, "new_deadline"), instant(rs, "closed_at"),
        rs.getString("closed_reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
