package com.serviceloop.faultrepair;

import com.serviceloop.api.FieldError;
import com.serviceloop.submission.Submission;
import com.serviceloop.submission.SubmissionChecks;
import com.serviceloop.submission.SubmissionRule;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** fault-remote-resolution: the on-site repair is booked for a moment still to come. */
@Component
public class FaultSubmissionRules implements SubmissionRule {

  @Override
  public Set<String> formIds() {
    return Set.of("fault-remote-resolution");
  }

  @Override
  public List<FieldError> check(Submission submission) {
    return SubmissionChecks.notInPast(submission, FaultVariables.APPOINTMENT_AT, WorkOrderRepository.now())
        .stream().toList();
  }
}
