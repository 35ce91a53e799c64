package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmn/sla-pause.dmn: per reason, which clocks stop, and when and how often the customer is called again; the
 * longest pause (a documents request waits for it at most).
 */
class SlaPauseDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("sla-pause");

  /** reason → pausesFirstContact, pausesClosure, retryAttempts, retryInterval, retryTimeMode, matched rule. */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("NOT_REACHED", true, false, 3, "PT2H", "WORKING", "Rule_NotReached"),
        Arguments.of("LATER_APPOINTMENT", false, true, 0, "PT0S", "NATURAL", "Rule_LaterAppointment"),
        Arguments.of("DOCUMENTS_REQUESTED", false, true, 0, "PT0S", "NATURAL", "Rule_DocumentsRequested"),
        Arguments.of("SOMETHING_ELSE", false, false, 0, "PT0S", "NATURAL", "Rule_OtherReason"));
  }

  @ParameterizedTest(name = "{0} → first contact {1}, closure {2}, {3} × {4} {5} ({6})")
  @MethodSource("rows")
  void decidesThePause(String reason, boolean firstContact, boolean closure, int attempts, String interval,
      String mode, String rule) {
    Evaluation evaluation = TABLE.evaluate("pauseReason", reason);

    assertThat(evaluation.rule()).isEqualTo(rule);
    assertThat(evaluation.row().get("pausesFirstContact")).isEqualTo(firstContact);
    assertThat(evaluation.row().get("pausesClosure")).isEqualTo(closure);
    assertThat(((Number) evaluation.row().get("retryAttempts")).intValue()).isEqualTo(attempts);
    assertThat(evaluation.row().get("retryInterval")).isEqualTo(interval);
    assertThat(evaluation.row().get("retryTimeMode")).isEqualTo(mode);
    assertThat(Duration.parse((String) evaluation.row().get("maxPause")).isNegative()).isFalse();
  }

  @Test
  void aDocumentsRequestWaitsAtMostFourteenNaturalDays() {
    assertThat(TABLE.evaluate("pauseReason", "DOCUMENTS_REQUESTED").row().get("maxPause")).isEqualTo("P14D");
  }

  @Test
  void everyRuleHasATestRow() {
    TABLE.assertEveryRuleCovered(rows().map(row -> (String) row.get()[6]).toList());
  }

  @Test
  void everyIntervalParsesAndEveryModeIsKnown() {
    rows().forEach(row -> {
      Evaluation evaluation = TABLE.evaluate("pauseReason", row.get()[0]);
      assertThat(Duration.parse((String) evaluation.row().get("retryInterval")).isNegative()).isFalse();
      assertThat(List.of("WORKING", "NATURAL")).contains((String) evaluation.row().get("retryTimeMode"));
    });
  }
}
