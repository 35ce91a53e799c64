package com.serviceloop.submission;

import com.serviceloop.api.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** Small checks the process-specific {@link SubmissionRule}s share. Each looks at an accepted, typed value only. */
public final class SubmissionChecks {

  private SubmissionChecks() {}

  /** The moment a datetime field holds, or null when it was not submitted (or not a date-time). */
  public static Instant moment(Submission submission, String field) {
    return submission.values().get(field) instanceof Date date ? date.toInstant() : null;
  }

  /** An appointment (or other planned moment) must not lie in the past. */
  public static Optional<FieldError> notInPast(Submission submission, String field, Instant now) {
    Instant moment = moment(submission, field);
    if (moment != null && moment.isBefore(now)) {
      return Optional.of(new FieldError(field, field + ": 不能早于当前时间 must not be in the past (now is " + now
          + ", " + moment + " given)"));
    }
    return Optional.empty();
  }

  /** An amount of money is never negative. */
  public static Optional<FieldError> notNegative(Submission submission, String field) {
    if (submission.values().get(field) instanceof Number number
        && new BigDecimal(number.toString()).signum() < 0) {
      return Optional.of(new FieldError(field, field + ": 金额不能为负 an amount must not be negative"));
    }
    return Optional.empty();
  }
}
