package com.serviceloop.faultrepair;

import com.serviceloop.submission.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the fault-repair forms cannot say themselves (the submission guard runs these after the form's checks). */
@Configuration
public class FaultSubmissionRules {

  /** fault-remote-resolution: the on-site repair is booked for a moment still to come. */
  @Bean
  SubmissionRule faultAppointmentNotInPast() {
    return SubmissionRule.notInPast("fault-remote-resolution", FaultVariables.APPOINTMENT_AT);
  }
}
