package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

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
 * amounts of money are never negative, an IRREGULAR first-level audit says what is irregular (a note
 * that is not blank), and the cash handover is signed by two different authenticated users — the
 * back office's receipt is refused when its user is the one who signed as the installer (the signature
 * is the engine's authenticated user, never a name typed into the form).
 */
@Component
public class InstallationSubmissionRules implements SubmissionRule {

  static final String CASH_HANDOVER_FORM = "installation-cash-handover";
  static final String AUDIT_FORM = "installation-audit";

  @Override
  public Set<String> formIds() {
    return Set.of("installation-appointment", "installation-on-site", "broadband-order", AUDIT_FORM,
        CASH_HANDOVER_FORM, "installation-cash-handover-installer", "installation-hall-correction");
  }

  @Override
  public List<FieldError> check(Submission submission) {
    List<FieldError> errors = new ArrayList<>();
    var now = WorkOrderRepository.now();
    SubmissionChecks.notInPast(submission, APPOINTMENT_AT, now).ifPresent(errors::add);
    SubmissionChecks.notInPast(submission, NEW_APPOINTMENT_AT, now).ifPresent(errors::add);
    for (String amount : List.of(PAYMENT_AMOUNT, HANDOVER_AMOUNT, INSTALLER_HANDOVER_AMOUNT)) {
      SubmissionChecks.notNegative(submission, amount).ifPresent(errors::add);
    }
    for (String note : List.of(FAILURE_NOTE, RESCHEDULE_REASON, CORRECTION_NOTE)) {
      notBlankWhenGiven(submission, note, errors);
    }
    if (AUDIT_FORM.equals(submission.formId()) && AUDIT_IRREGULAR.equals(submission.values().get(AUDIT_RESULT))
        && blank(submission.values().get(AUDIT_NOTE))) {
      errors.add(new FieldError(AUDIT_NOTE, AUDIT_NOTE + ": 不规范须写明原因 an IRREGULAR audit needs a note saying "
          + "what is irregular (the order goes back to the hall with it)"));
    }
    if (CASH_HANDOVER_FORM.equals(submission.formId()) && submission.userId() != null
        && submission.userId().equals(submission.caseVariables().get(HANDOVER_INSTALLER_USER))) {
      errors.add(new FieldError(CASH_RECEIVED, CASH_RECEIVED + ": 交接须由两人签字 the cash handover is signed by two "
          + "different users: " + submission.userId() + " already signed as the installer who handed the cash over;"
          + " another back-office user must receive it"));
    }
    return errors;
  }

  private static void notBlankWhenGiven(Submission submission, String field, List<FieldError> errors) {
    if (submission.values().get(field) instanceof String text && !text.isEmpty() && text.isBlank()) {
      errors.add(new FieldError(field, field + ": 不能只有空白 must say something, not only blanks"));
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
