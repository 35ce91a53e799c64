package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.calendar.WorkingTimeCalendar;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The money of a service commitment, and the dates as forms send them back. */
class CompensationTest {

  @Test
  void compensationIsTheFactorTimesTheDisputedAmountInYuanWithTwoDecimals() {
    assertThat(Compensation.amount(2.0, 12.5)).hasToString("25.00");
    assertThat(Compensation.amount(2, "12.50")).hasToString("25.00");
    assertThat(Compensation.amount(1.0, 0.1)).hasToString("0.10");
    assertThat(Compensation.amount(2.0, 33.335)).hasToString("66.67");
    assertThat(Compensation.amount(0.0, 99)).hasToString("0.00");
    assertThat(Compensation.amount(2.0, null)).hasToString("0.00");
  }

  @Test
  void aMissingFactorIsAnErrorNotZero() {
    assertThatThrownBy(() -> Compensation.amount(null, 12.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Compensation.amount(2.0, "twelve")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void deadlinesAreReadAsFormsAndTheRestApiWriteThem() {
    ComplaintDeadlines deadlines = new ComplaintDeadlines(WorkingTimeCalendar.withDefaults());
    var expected = OffsetDateTime.parse("2026-11-23T10:00+08:00").toInstant();
    assertThat(deadlines.toInstant("2026-11-23T10:00+08:00")).isEqualTo(expected);
    assertThat(deadlines.toInstant("2026-11-23T10:00:00.000+0800")).isEqualTo(expected);
    assertThat(deadlines.toInstant(java.util.Date.from(expected))).isEqualTo(expected);
  }
}
