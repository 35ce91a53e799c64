package com.serviceloop.complaint;

import com.serviceloop.api.FieldError;
import com.serviceloop.complaint.intake.ComplaintIntakeFields;
import com.serviceloop.complaint.intake.RegulatorReferrals;
import com.serviceloop.security.ServiceLoopGroups;
import com.serviceloop.sla.PauseSlaClocksDelegate;
import com.serviceloop.submission.SubmissionChecks;
import com.serviceloop.submission.SubmissionRule;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the complaint forms cannot say themselves (the submission guard runs these after the form's checks):
 * an on-site appointment is not in the past, a triaged complaint goes to a real responsible group, amounts
 * are never negative, documents are received within the wait for them.
 */
@Configuration
public class ComplaintSubmissionRules {

  /** complaint-first-contact: the visit is booked for a moment still to come. */
  @Bean
  SubmissionRule complaintAppointmentNotInPast() {
    return SubmissionRule.notInPast("complaint-first-contact", ComplaintVariables.APPOINTMENT_AT);
  }

  /**
   * complaint-triage: the responsible group is a group of the identity service and a staff (WORKFLOW) group,
   * the kind that has a Tasklist queue — a case sent anywhere else is seen by nobody.
   */
  @Bean
  SubmissionRule complaintTriageGroupExists(IdentityService identityService) {
    return SubmissionRule.of(Set.of("complaint-triage"), submission -> {
      if (!(submission.values().get("responsibleGroup") instanceof String group) || group.isEmpty()) {
        return List.of();
      }
      long found = identityService.createGroupQuery().groupId(group).groupType(ServiceLoopGroups.WORKFLOW).count();
      return found > 0 ? List.of() : List.of(new FieldError("responsibleGroup", "responsibleGroup: "
          + "不是责任部门 \"" + group + "\" is not a responsible group (a staff group of the identity service)"));
    });
  }

  /**
   * complaint-intake: a REGULATOR referral (MIIT Order 35) is recorded only by service supervision or a channel
   * system, as POST /api/complaints requires too (the Tasklist start form offers the channel to every agent).
   */
  @Bean
  SubmissionRule complaintRegulatorReferralBySupervision() {
    return SubmissionRule.of(Set.of("complaint-intake"), submission ->
        RegulatorReferrals.refused(submission.values(), submission.groupIds())
            ? List.of(new FieldError(ComplaintIntakeFields.CHANNEL, "channel: " + RegulatorReferrals.REFUSED))
            : List.of());
  }

  /**
   * complaint-documents-received: the documents arrived between the request (the pause's start, pausedAt) and
   * now — the moment ends the closure clock's pause, so neither a future nor an earlier one is accepted.
   */
  @Bean
  SubmissionRule complaintDocumentsReceivedWithinTheWait() {
    return SubmissionRule.of(Set.of("complaint-documents-received"), submission -> {
      Instant received = SubmissionChecks.moment(submission, ComplaintVariables.DOCUMENTS_RECEIVED_AT);
      Instant now = WorkOrderRepository.now();
      Object requested = submission.caseVariables().get(PauseSlaClocksDelegate.PAUSED_AT);
      String field = ComplaintVariables.DOCUMENTS_RECEIVED_AT;
      if (received != null && received.isAfter(now)) {
        return List.of(new FieldError(field, field + ": 不能晚于当前时间 must not be in the future (now is " + now
            + ", " + received + " given)"));
      }
      if (received != null && requested instanceof Date at && received.isBefore(at.toInstant())) {
        return List.of(new FieldError(field, field + ": 不能早于索要材料的时间 must not be before the documents were "
            + "requested (" + at.toInstant() + ", " + received + " given)"));
      }
      return List.of();
    });
  }

  /** complaint-intake and complaint-resolution: the disputed amount is not negative. */
  @Bean
  SubmissionRule complaintAmountsNotNegative() {
    return SubmissionRule.of(Set.of("complaint-intake", "complaint-resolution"), submission -> {
      List<FieldError> errors = new ArrayList<>();
      SubmissionChecks.notNegative(submission, "disputedAmount").ifPresent(errors::add);
      return errors;
    });
  }
}
