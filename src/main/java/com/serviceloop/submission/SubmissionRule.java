package com.serviceloop.submission;

import com.serviceloop.api.FieldError;
import java.util.List;
import java.util.Set;

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
}
