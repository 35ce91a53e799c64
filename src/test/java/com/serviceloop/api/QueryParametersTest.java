package com.serviceloop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the report and dashboard controllers share: a span of months, the format, the collected errors. */
class QueryParametersTest {

  static final YearMonth JAN = YearMonth.of(2026, 1);

  @Test
  void aSpanOfMonthsMayBeAsLongAsAllowedButNotBackwardsOrLonger() {
    assertThat(span(JAN, JAN, 12)).isEmpty();
    assertThat(span(JAN, JAN.plusMonths(11), 12)).isEmpty();
    assertThat(span(JAN, JAN.plusMonths(12), 12))
        .containsExactly(new FieldError("to", "at most 12 months from from"));
    assertThat(span(JAN, JAN.minusMonths(1), 12)).containsExactly(new FieldError("to", "must not be before from"));
    // a missing end has its own error already: nothing more to say about the span
    assertThat(span(null, JAN, 12)).isEmpty();
    assertThat(span(JAN, null, 12)).isEmpty();
  }

  @Test
  void anUnknownFormatIsCollectedWithTheOtherErrors() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(Exports.Format.of("pdf", null, errors)).isEqualTo(Exports.Format.JSON);
    assertThat(errors).extracting(FieldError::field).containsExactly("format");
    assertThat(Exports.Format.of("csv", null, errors)).isEqualTo(Exports.Format.CSV);
    assertThat(Exports.Format.of(null, "text/csv", errors)).isEqualTo(Exports.Format.CSV);
    assertThat(errors).hasSize(1);
  }

  @Test
  void collectedErrorsAreThrownTogetherAndNoneIsNothing() {
    assertThatCode(() -> InvalidInputException.throwIfAny(List.of())).doesNotThrowAnyException();
    List<FieldError> errors = List.of(new FieldError("from", "a month YYYY-MM, not 'x'"),
        new FieldError("format", "one of json, csv, xlsx, not 'pdf'"));
    assertThatThrownBy(() -> InvalidInputException.throwIfAny(errors))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).isEqualTo(errors))
        .hasMessage("Invalid input");
  }

  private static List<FieldError> span(YearMonth first, YearMonth last, int max) {
    List<FieldError> errors = new ArrayList<>();
    QueryParameters.monthSpan(first, last, max, errors);
    return errors;
  }
}
