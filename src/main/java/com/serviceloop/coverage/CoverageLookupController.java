package com.serviceloop.coverage;

import com.serviceloop.api.Exports;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.QueryParameters;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.WorkOrderView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coverage look-ups:
 * <ul>
 *   <li>GET /api/coverage?compound=文苑花园[&amp;building=1][&amp;region=] — the SMS query (kd*小区名称) and the
 *   website's coverage page: which buildings of the compound are covered and have a free port, with a
 *   ready SMS reply. Tolerant of spaces, case and full-width letters; a name not found exactly is looked
 *   for as a part of compound names.</li>
 *   <li>GET /api/coverage/demand[?region=&amp;from=&amp;to=][&amp;format=csv|xlsx] — the demand the network could
 *   not serve, per building, for network planning (no personal data: the order numbers lead further).</li>
 * </ul>
 */
@RestController
@RequiredArgsConstructor
public class CoverageLookupController {

  static final int MAX_MATCHES = 50;
  static final int MAX_LENGTH = 128;

  private final JdbcTemplate jdbc;
  private final ApiCaller caller;
  private final WorkOrderView view;

  @GetMapping(path = "/api/coverage", produces = "application/json")
  public Map<String, Object> query(@RequestParam(required = false) String region,
      @RequestParam(required = false) String compound, @RequestParam(required = false) String building) {
    caller.requireGroup("query broadband coverage", LookupAccess.COVERAGE_READERS);
    List<FieldError> errors = new ArrayList<>();
    String name = compound == null ? "" : CoverageNames.stripSmsCommand(compound);
    if (CoverageNames.key(name).isEmpty()) {
      errors.add(new FieldError("compound", "is required (the compound's name, e.g. kd*文苑花园 or Wenyuan Garden)"));
    }
    length("compound", compound, errors);
    length("region", region, errors);
    length("building", building, errors);
    InvalidInputException.throwIfAny(errors);
    String key = CoverageNames.key(name);
    String regionKey = blank(region) ? null : CoverageNames.key(region);
    String buildingKey = blank(building) ? null : CoverageNames.buildingKey(building);

    boolean exact = true;
    List<Map<String, Object>> rows = jdbc.queryForList("""
        SELECT region, compound, building, free_ports, reserved_ports, technology, updated_at FROM sl_coverage
        WHERE compound_key = ? ORDER BY region, compound, building""", key);
    if (rows.isEmpty()) {
      exact = false;
      rows = jdbc.queryForList("""
          SELECT region, compound, building, free_ports, reserved_ports, technology, updated_at FROM sl_coverage
          WHERE REPLACE(REPLACE(LOWER(compound), ' ', ''), '　', '') LIKE ? ESCAPE '!'
          ORDER BY region, compound, building LIMIT ?""", "%" + likeEscape(key) + "%", MAX_MATCHES * 4);
    }
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (regionKey != null && !Objects.equals(CoverageNames.key((String) row.get("region")), regionKey)) {
        continue;
      }
      if (buildingKey != null
          && !Objects.equals(CoverageNames.buildingKey((String) row.get("building")), buildingKey)) {
        continue;
      }
      // what can still be promised: free on record minus the ports reserved for accepted orders
      int freePorts = Math.max(0, ((Number) row.get("free_ports")).intValue()
          - ((Number) row.get("reserved_ports")).intValue());
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("region", row.get("region"));
      match.put("compound", row.get("compound"));
      match.put("building", row.get("building"));
      match.put("result", (freePorts > 0 ? CoverageResult.AVAILABLE : CoverageResult.NO_FREE_PORT).name());
      match.put("freePorts", freePorts);
      if (row.get("technology") != null) {
        match.put("technology", row.get("technology"));
      }
      match.put("updatedAt", view.iso(row.get("updated_at")));
      matches.add(match);
      if (matches.size() == MAX_MATCHES) {
        break;
      }
    }
    CoverageResult result = matches.stream().anyMatch(m -> "AVAILABLE".equals(m.get("result")))
        ? CoverageResult.AVAILABLE
        : matches.isEmpty() ? CoverageResult.NOT_COVERED : CoverageResult.NO_FREE_PORT;
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("compound", name);
    if (!blank(building)) {
      query.put("building", building.strip());
    }
    if (!blank(region)) {
      query.put("region", region.strip());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("result", result.name());
    body.put("covered", !matches.isEmpty());
    body.put("exactName", exact && !matches.isEmpty());
    body.put("matches", matches);
    body.put("reply", smsReply(name, result, matches));
    return body;
  }

  /** The SMS answer to kd*小区名称, at most a few buildings. */
  static String smsReply(String compound, CoverageResult result, List<Map<String, Object>> matches) {
    if (result == CoverageResult.NOT_COVERED) {
      return "【宽带查询】" + compound + " 暂未覆盖宽带网络，我们已记录您的需求。回复KD*小区名称可再次查询。";
    }
    StringBuilder text = new StringBuilder("【宽带查询】");
    int shown = 0;
    for (Map<String, Object> m : matches) {
      if (shown++ == 5) {
        text.append("等").append(matches.size()).append("栋；");
        break;
      }
      text.append(m.get("compound")).append(' ').append(m.get("building")).append("栋：")
          .append("AVAILABLE".equals(m.get("result")) ? "可办理" : "端口已满").append("；");
    }
    text.append(result == CoverageResult.AVAILABLE ? "办理请拨打400热线或登录网上营业厅。" : "端口扩容后将短信通知。");
    return text.toString();
  }

  @GetMapping("/api/coverage/demand")
  public ResponseEntity<?> demand(@RequestParam(required = false) String region,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    caller.requireGroup("read the uncovered demand", LookupAccess.DEMAND_READERS);
    List<FieldError> errors = new ArrayList<>();
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("to", "must be after from (to is exclusive)"));
    }
    length("region", region, errors);
    InvalidInputException.throwIfAny(errors);
    ZoneId zone = view.zone();
    StringBuilder sql = new StringBuilder("""
        SELECT d.region, d.compound, d.building, d.result, COUNT(*) AS requests,
          MIN(d.recorded_at) AS first_at, MAX(d.recorded_at) AS last_at
        FROM sl_coverage_demand d WHERE 1 = 1""");
    List<Object> params = new ArrayList<>();
    if (!blank(region)) {
      sql.append(" AND d.region = ?");
      params.add(region.strip());
    }
    if (start != null) {
      sql.append(" AND d.recorded_at >= ?");
      params.add(start.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (end != null) {
      sql.append(" AND d.recorded_at < ?");
      params.add(end.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }
    sql.append(" GROUP BY d.region, d.compound, d.building, d.result"
        + " ORDER BY COUNT(*) DESC, d.region, d.compound, d.building, d.result");
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.query(sql.toString(), rs -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("region", rs.getString(1));
      row.put("compound", rs.getString(2));
      row.put("building", rs.getString(3));
      row.put("result", rs.getString(4));
      row.put("requests", rs.getLong(5));
      row.put("firstRecordedAt", view.iso(rs.getObject(6, OffsetDateTime.class)));
      row.put("lastRecordedAt", view.iso(rs.getObject(7, OffsetDateTime.class)));
      rows.add(row);
    }, params.toArray());
    if (wanted == Exports.Format.JSON) {
      Map<String, Object> body = new LinkedHashMap<>();
      if (start != null) {
        body.put("from", start.toString());
      }
      if (end != null) {
        body.put("to", end.toString());
      }
      if (!blank(region)) {
        body.put("region", region.strip());
      }
      body.put("buildings", rows);
      body.put("requests", rows.stream().mapToLong(r -> (Long) r.get("requests")).sum());
      return ResponseEntity.ok(body);
    }
    List<String> header = List.of("region", "compound", "building", "result", "requests", "firstRecordedAt",
        "lastRecordedAt");
    List<List<Object>> table = rows.stream().map(r -> header.stream().map(r::get).toList()).toList();
    return Exports.table(wanted, "coverage-demand", "uncovered demand", header, table);
  }

  private static LocalDate date(String field, String text, List<FieldError> errors) {
    return blank(text) ? null : QueryParameters.parse(field, text, LocalDate::parse, "a date YYYY-MM-DD", errors);
  }

  private static void length(String field, String value, List<FieldError> errors) {
    if (value != null && value.length() > MAX_LENGTH) {
      errors.add(new FieldError(field, "at most " + MAX_LENGTH + " characters"));
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
