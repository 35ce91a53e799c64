package com.serviceloop.kpi;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only KPI API (behind HTTP Basic like all of /api):
 * GET /api/kpis?from=2026-11-01&amp;to=2026-12-01[&amp;region=][&amp;groupBy=region|channel|category|month]
 * and GET /api/kpis/{id}/orders?from&amp;to[&amp;region]. Days are in the operator's zone, to is exclusive.
 */
@RestController
@RequestMapping("/api/kpis")
@RequiredArgsConstructor
public class KpiController {

  /** Cockpit's process-instance page (the history view is enterprise-only). */
  public static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

  private final KpiService kpis;
  private final KpiProperties properties;

  @GetMapping
  public Map<String, Object> kpis(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region,
      @RequestParam(required = false) String groupBy) {
    List<FieldError> problems = new ArrayList<>();
    KpiGrouping grouping = null;
    if (groupBy != null && !groupBy.isBlank()) {
      grouping = KpiGrouping.byName(groupBy).orElse(null);
      if (grouping == null) {
        problems.add(new FieldError("groupBy",
            "one of " + Arrays.toString(KpiGrouping.values()) + ", not '" + groupBy + "'"));
      }
    }
    KpiPeriod period = period(from, to, problems);
    String regionFilter = region == null || region.isBlank() ? null : region.trim();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", period.from().toString());
    body.put("to", period.to().toString());
    if (regionFilter != null) {
      body.put("region", regionFilter);
    }
    if (grouping == null) {
      body.put("kpis", kpis.report(period, regionFilter));
    } else {
      body.put("groupBy", grouping.name());
      body.put("groups", kpis.breakdown(period, regionFilter, grouping));
    }
    return body;
  }

  @GetMapping("/{id}/orders")
  public Map<String, Object> orders(@PathVariable String id, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String region) {
    List<FieldError> problems = new ArrayList<>();
    Kpi kpi = Kpi.byId(id).orElse(null);
    if (kpi == null) {
      problems.add(new FieldError("id", "no KPI '" + id + "'"));
    }
    KpiPeriod period = period(from, to, problems);
    String regionFilter = region == null || region.isBlank() ? null : region.trim();
    int limit = properties.getOrdersLimit();
    List<KpiOrder> found = kpis.orders(kpi, period, regionFilter, limit + 1);
    boolean truncated = found.size() > limit;
    List<Map<String, Object>> orders = new ArrayList<>();
    for (KpiOrder order : truncated ? found.subList(0, limit) : found) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("orderNo", order.orderNo());
      row.put("orderType", order.orderType());
      row.put("category", order.category());
      row.put("channel", order.channel());
      row.put("region", order.region());
      row.put("receivedAt", order.receivedAt());
      row.put("closedAt", order.closedAt());
      row.put("numeratorValue", order.numeratorValue());
      row.put("processInstanceId", order.processInstanceId());
      if (order.processInstanceId() != null) {
        row.put("cockpitUrl", COCKPIT_PROCESS_INSTANCE + order.processInstanceId());
      }
      orders.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", kpi.id());
    body.put("name", kpi.label());
    body.put("from", period.from().toString());
    body.put("to", period.to().toString());
    body.put("orders", orders);
    body.put("truncated", truncated);
    return body;
  }

  /** Parses from/to, or throws InvalidInputException with every problem found so far. */
  private KpiPeriod period(String from, String to, List<FieldError> problems) {
    KpiPeriod period = KpiPeriod.parse(from, to, kpis.zone(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Invalid input", problems);
    }
    return period;
  }
}
