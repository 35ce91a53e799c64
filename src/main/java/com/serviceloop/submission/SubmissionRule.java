package com.serviceloop.submission;

import com.serviceloop.api.FieldError;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule about a task completion or a start form that the Camunda Form itself cannot express
 * (an appointment not in the past, two signatures by two different people, ...). Kept next to the
 * process it belongs to, as a Spring bean; the submission guard runs it after the form's own checks.
 */
public interface SubmissionRule {

  /** The form ids (camunda:formRef, the form file's id) whose submissions this rule checks. */
  Set<String> formIds();

  /** One error per bad field; empty when the submission is acceptable. Must not write anything. */
  List<FieldError> check(Submission submission);

  /** A rule for one form: the moment in {@code field} is not in the past (an appointment still to come). */
  static SubmissionRule notInPast(String formId, String field) {
    return of(Set.of(formId), submission ->
        SubmissionChecks.notInPast(submission, field, WorkOrderRepository.now()).stream().toList());
  }

  /** A rule for these forms that checks with {@code check}. */
  static SubmissionRule of(Set<String> formIds, Function<Submission, List<FieldError>> check) {
    return new SubmissionRule() {
      @Override
      public Set<String> formIds() {
        return formIds;
      }

      @Override
      public List<FieldError> check(Submission submission) {
        return check.apply(submission);
      }
    };
  }
}
