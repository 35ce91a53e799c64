package com.serviceloop.escalation;

import com.serviceloop.api.FieldError;
import com.serviceloop.submission.Submission;
import com.serviceloop.submission.SubmissionChecks;
import com.serviceloop.submission.SubmissionRule;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * escalation-instruction: a supervisor's new deadline lies after now and not before the order was received;
 * for a complaint also within the statutory limit from receipt (serviceloop.complaint.statutory-closure-limit,
 * 15 natural days: no instruction can extend a complaint beyond it). The receipt is the work order's, found by
 * the escalation's business key (the order number).
 */
@Component
public class EscalationSubmissionRules implements SubmissionRule {

  private final WorkOrderRepository workOrders;
  private final Duration statutoryLimit;

  public EscalationSubmissionRules(WorkOrderRepository workOrders,
      @Value("${serviceloop.complaint.statutory-closure-limit:P15D}") Duration statutoryLimit) {
    this.workOrders = workOrders;
    this.statutoryLimit = statutoryLimit;
  }

  @Override
  public Set<String> formIds() {
    return Set.of("escalation-instruction");
  }

  @Override
  public List<FieldError> check(Submission submission) {
    Instant deadline = SubmissionChecks.moment(submission, EscalationVariables.ESCALATION_NEW_DEADLINE);
    if (deadline == null) {
      return List.of();
    }
    List<FieldError> errors = new ArrayList<>();
    String field = EscalationVariables.ESCALATION_NEW_DEADLINE;
    Instant now = WorkOrderRepository.now();
    Optional<WorkOrder> order = submission.businessKey() == null ? Optional.empty()
        : workOrders.find(submission.businessKey());
    if (order.isPresent() && order.get().receivedAt() != null && deadline.isBefore(order.get().receivedAt())) {
      errors.add(new FieldError(field, field + ": 不能早于受理时间 must not be before the order was received ("
          + order.get().receivedAt() + ")"));
    } else if (!deadline.isAfter(now)) {
      errors.add(new FieldError(field, field + ": 必须晚于当前时间 must be after now (" + now + ")"));
    }
    if (order.isPresent() && order.get().type() == OrderType.COMPLAINT && order.get().receivedAt() != null) {
      Instant limit = order.get().receivedAt().plus(statutoryLimit);
      if (deadline.isAfter(limit)) {
        errors.add(new FieldError(field, field + ": 超过法定时限 must be within the statutory " + statutoryLimit.toDays()
            + " days from receipt (at the latest " + limit + ")"));
      }
    }
    return errors;
  }
}
