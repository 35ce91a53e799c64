package com.serviceloop.review;

import static com.serviceloop.api.QueryParameters.month;
import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.api.ConflictException;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.ServiceLoopGroups;
import com.serviceloop.workorder.WorkOrderRepository;
import com.serviceloop.workorder.WorkOrderView;
import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/monthly-reviews {"month": "2026-11"}: service supervision starts the review of a chosen past
 * month (201; 409 when the month has its review; 400 for a month not over). GET /api/monthly-reviews
 * [?from=2026-01&amp;to=2026-11]: the reviews with every action's result, escalation and instruction.
 */
@RestController
@RequiredArgsConstructor
public class MonthlyReviewController {

  static final String[] RECORD_READERS = {ServiceLoopGroups.SERVICE_SUPERVISION,
      ServiceLoopGroups.DEPARTMENT_MANAGER, ServiceLoopGroups.GENERAL_MANAGER,
      ServiceLoopGroups.DEPT_NETWORK_ASSURANCE, ServiceLoopGroups.DEPT_BUSINESS_MANAGEMENT,
      ServiceLoopGroups.DEPT_CHANNEL_SERVICE, ServiceLoopGroups.DEPT_SYSTEM_SUPPORT, ServiceLoopGroups.AUDITORS};

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final MonthlyReviewService review;
  private final MonthlyReviewRecord record;
  private final ApiCaller caller;
  private final WorkOrderView view;

  @PostMapping(path = "/api/monthly-reviews", consumes = "application/json")
  public ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) Map<String, Object> body) {
    caller.requireGroup("start a monthly review", ServiceLoopGroups.SERVICE_SUPERVISION);
    Object text = body == null ? null : body.get("month");
    YearMonth month;
    if (!(text instanceof String monthText) || monthText.isBlank()) {
      throw invalid("month", "is required, a month YYYY-MM that is over, e.g. 2026-11");
    }
    try {
      month = review.requestedMonth(monthText, WorkOrderRepository.now());
    } catch (IllegalArgumentException e) {
      throw invalid("month", e.getMessage());
    }
    record.reviewOf(month).ifPresent(other -> {
      throw new ConflictException(new MonthAlreadyReviewedException(month, other).getMessage());
    });
    ProcessInstanceWithVariables started;
    try {
      started = runtime.createProcessInstanceByKey(PROCESS_ID)
          .setVariable(REPORT_MONTH, month.toString())
          .setVariable(REQUESTED_BY, identity.getCurrentAuthentication().getUserId())
          .executeWithVariablesInReturn();
    } catch (MonthAlreadyReviewedException e) {
      throw new ConflictException(e.getMessage());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("The month " + month + " was just claimed by another review");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("month", month.toString());
    answer.put("processInstanceId", started.getId());
    answer.put("reviewAt", view.iso(started.getVariables().get(REVIEW_AT)));
    answer.put("reviewDue", view.iso(started.getVariables().get(REVIEW_DUE)));
    answer.put("startedBy", started.getVariables().get(REQUESTED_BY));
    return ResponseEntity.created(URI.create("/api/monthly-reviews?from=" + month + "&to=" + month)).body(answer);
  }

  @GetMapping(path = "/api/monthly-reviews", produces = "application/json")
  public Map<String, Object> list(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    caller.requireGroup("read the monthly reviews", RECORD_READERS);
    List<FieldError> errors = new ArrayList<>();
    YearMonth last = month("to", to, null, errors);
    YearMonth first = month("from", from, null, errors);
    InvalidInputException.throwIfAny(errors);
    YearMonth current = YearMonth.from(WorkOrderRepository.now().atZone(view.zone()));
    last = last == null ? current : last;
    first = first == null ? last.minusMonths(11) : first;
    if (last.isBefore(first)) {
      throw invalid("to", "must not be before from");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("from", first.toString());
    answer.put("to", last.toString());
    answer.put("reviews", record.reviews(first, last));
    return answer;
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException("Invalid input", List.of(new FieldError(field, message)));
  }
}
