package com.serviceloop.installation;

import com.serviceloop.api.FieldError;
import com.serviceloop.submission.Submission;
import com.serviceloop.submission.SubmissionChecks;
import com.serviceloop.submission.SubmissionRule;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the installation forms cannot say themselves: a booked or rescheduled visit is not in the past,
 * amounts of money are never negative. (The cash handover's two signatures and the audit's routing are
 * rules of their own, next to them.)
 */
@Component
public class InstallationSubmissionRules implements SubmissionRule {

  @Override
  public Set<String> formIds() {
    return Set.of("installation-appointment", "installation-on-site", "broadband-order",
        "installation-cash-handover");
  }

  @Override
  public List<FieldError> check(Submission submission) {
    List<FieldError> errors = new ArrayList<>();
    var now = WorkOrderRepository.now();
    SubmissionChecks.notInPast(submission, InstallationVariables.APPOINTMENT_AT, now).ifPresent(errors::add);
    SubmissionChecks.notInPast(submission, InstallationVariables.NEW_APPOINTMENT_AT, now).ifPresent(errors::add);
    for (String amount : List.of("paymentAmount", "handoverAmount")) {
      SubmissionChecks.notNegative(submission, amount).ifPresent(errors::add);
    }
    return errors;
  }
}
