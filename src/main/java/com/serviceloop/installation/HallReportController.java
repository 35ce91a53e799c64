package com.serviceloop.installation;

import com.serviceloop.api.Exports;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.QueryParameters;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.WorkOrderView;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/reports/hall-installations?month=2026-11 (or from=2026-09&amp;to=2026-11, months inclusive, at most
 * 12)[&amp;hall=][&amp;format=csv|xlsx]: the broadband installations each business hall accepted across regions, per
 * hall and month (Beijing time), with the volume coefficient and the weighted volume that count towards
 * the hall's variable pay, and the region the revenue goes to (seed 002: coefficient 2, revenue to the
 * local branch). Accepted = a business-hall order of a covered address; installed = its work was done.
 */
@RestController
@RequiredArgsConstructor
public class HallReportController {

  static final int MAX_MONTHS = 12;

  private final JdbcTemplate jdbc;
  private final ApiCaller caller;
  /** Its zone: the operator's, which the report's months are in. */
  private final WorkOrderView view;

  @GetMapping("/api/reports/hall-installations")
  public ResponseEntity<?> report(@RequestParam(required = false) String month,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String hall, @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    caller.requireGroup("read the halls' installation report", LookupAccess.HALL_REPORT_READERS);
    List<FieldError> errors = new ArrayList<>();
    Exports.Format wanted = Exports.Format.of(format, accept, errors);
    YearMonth first;
    YearMonth last;
    if (month != null && !month.isBlank()) {
      first = month("month", month, errors);
      last = first;
      if (from != null || to != null) {
        errors.add(new FieldError("month", "either month or from/to, not both"));
      }
    } else if (from == null && to == null) {
      errors.add(new FieldError("month", "is required (YYYY-MM), or from and to"));
      first = null;
      last = null;
    } else {
      first = month("from", from, errors);
      last = month("to", to, errors);
      QueryParameters.monthSpan(first, last, MAX_MONTHS, errors);
    }
    if (hall != null && hall.length() > 128) {
      errors.add(new FieldError("hall", "at most 128 characters"));
    }
    InvalidInputException.throwIfAny(errors);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      rows.addAll(month(m, hall == null || hall.isBlank() ? null : hall.strip()));
    }
    if (wanted == Exports.Format.JSON) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("from", first.toString());
      body.put("to", last.toString());
      if (hall != null && !hall.isBlank()) {
        body.put("hall", hall.strip());
      }
      body.put("rows", rows);
      return ResponseEntity.ok(body);
    }
    List<String> header = List.of("month", "businessHall", "hallRegion", "revenueRegion", "accepted", "installed",
        "volumeCoefficient", "weightedVolume");
    return Exports.table(wanted, "hall-installations-" + first + (first.equals(last) ? "" : "-" + last),
        "hall installations", header, rows.stream().map(r -> header.stream().map(r::get).toList()).toList());
  }

  private List<Map<String, Object>> month(YearMonth month, String hall) {
    ZoneId zone = view.zone();
    List<Object> params = new ArrayList<>(List.of(
        month.atDay(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)));
    String hallFilter = "";
    if (hall != null) {
      hallFilter = " AND w.business_hall = ?";
      params.add(hall);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.query("""
        SELECT w.business_hall, w.hall_region, w.revenue_region, w.volume_coefficient, COUNT(*) AS accepted,
          SUM(CASE WHEN w.completed_at IS NOT NULL THEN 1 ELSE 0 END) AS installed
        FROM sl_work_order w
        WHERE w.order_type = 'INSTALLATION' AND w.channel = 'BUSINESS_HALL' AND w.business_hall IS NOT NULL
          AND w.coverage_result = 'AVAILABLE' AND w.received_at >= ? AND w.received_at < ?""" + hallFilter + """
        
        GROUP BY w.business_hall, w.hall_region, w.revenue_region, w.volume_coefficient
        ORDER BY w.business_hall, w.hall_region, w.revenue_region""", rs -> {
      BigDecimal coefficient = rs.getBigDecimal(4) == null ? BigDecimal.ONE : rs.getBigDecimal(4);
      long accepted = rs.getLong(5);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", month.toString());
      row.put("businessHall", rs.getString(1));
      row.put("hallRegion", rs.getString(2));
      row.put("revenueRegion", rs.getString(3));
      row.put("accepted", accepted);
      row.put("installed", rs.getLong(6));
      row.put("volumeCoefficient", coefficient.stripTrailingZeros().toPlainString());
      row.put("weightedVolume", coefficient.multiply(BigDecimal.valueOf(accepted)).stripTrailingZeros().toPlainString());
      rows.add(row);
    }, params.toArray());
    return rows;
  }

  private static YearMonth month(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "is required, a month YYYY-MM"));
      return null;
    }
    return QueryParameters.parse(field, text, YearMonth::parse, "a month YYYY-MM", errors);
  }
}
