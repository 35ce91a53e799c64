package com.serviceloop.kpi;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.ServiceLoopGroups;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PUT /api/customer-base {"region": "杭州", "month": "2026-11", "broadbandCustomers": 20000}: sets
 * (inserts or replaces) the broadband customers of a region in a month. 201 when new, 200 when replaced;
 * 403 for anyone but service supervision (and administrators).
 */
@RestController
@RequiredArgsConstructor
public class CustomerBaseController {

  private final CustomerBaseRepository customerBase;
  private final ApiCaller caller;

  @PutMapping("/api/customer-base")
  public ResponseEntity<Map<String, Object>> put(@RequestBody(required = false) JsonNode body) {
    // The denominator of complaints per 10,000 customers: set by service supervision, never by auditors.
    caller.requireGroup("set the customer base", ServiceLoopGroups.SERVICE_SUPERVISION);
    List<FieldError> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("Invalid input", List.of(new FieldError("body", "expected a JSON object")));
    }
    JsonNode regionNode = body.get("region");
    String region = regionNode != null && regionNode.isTextual() ? regionNode.asText().trim() : null;
    if (region == null || region.isEmpty()) {
      problems.add(new FieldError("region", "required, a region name"));
    } else if (region.length() > 64) {
      problems.add(new FieldError("region", "at most 64 characters"));
    }
    JsonNode monthNode = body.get("month");
    YearMonth month = null;
    if (monthNode == null || !monthNode.isTextual() || !monthNode.asText().matches("\\d{4}-\\d{2}")) {
      problems.add(new FieldError("month", "required, a month YYYY-MM"));
    } else {
      try {
        month = YearMonth.parse(monthNode.asText());
      } catch (DateTimeParseException e) {
        problems.add(new FieldError("month", "not a month: '" + monthNode.asText() + "'"));
      }
    }
    JsonNode countNode = body.get("broadbandCustomers");
    if (countNode == null || !countNode.isIntegralNumber() || !countNode.canConvertToLong()) {
      problems.add(new FieldError("broadbandCustomers", "required, a whole number ≥ 0"));
    } else if (countNode.asLong() < 0) {
      problems.add(new FieldError("broadbandCustomers", "must be ≥ 0"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Invalid input", problems);
    }
    boolean created = customerBase.upsert(region, month, countNode.asLong());
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("region", region);
    stored.put("month", month.toString());
    stored.put("broadbandCustomers", countNode.asLong());
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(stored);
  }
}
