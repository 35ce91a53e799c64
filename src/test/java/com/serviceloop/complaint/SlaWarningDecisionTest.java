package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import com.serviceloop.security.ServiceLoopGroups;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/sla-warning.dmn: per clock, the two warning levels' share of the limit and whom they also notify. */
class SlaWarningDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("sla-warning");

  /** clock → warning1Share, warning1Group, warning2Share, warning2Group, warnDuring, matched rule. */
  static Stream<Arguments> rows() {
    return Stream.of(
        // a complaint's clocks are promises to the customer and the regulator: their warnings fire at any time
        Arguments.of("FIRST_CONTACT", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "ANY_TIME", "Rule_FirstContact"),
        Arguments.of("CLOSURE", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "ANY_TIME", "Rule_Closure"),
        // the groups behind repair and the installation's promise and steps work days
        Arguments.of("REPAIR", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "WORKING_HOURS", "Rule_Repair"),
        Arguments.of("INSTALLATION", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "WORKING_HOURS",
            "Rule_Installation"),
        Arguments.of("EXTRACTION", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "WORKING_HOURS", "Rule_Extraction"),
        Arguments.of("APPOINTMENT", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "WORKING_HOURS",
            "Rule_Appointment"),
        // Room for other clocks (a statutory one, say): a clock without its own row warns at the defaults, any time.
        Arguments.of("REGULATOR_REPLY", 0.5, null, 0.75, ServiceLoopGroups.SHIFT_LEAD, "ANY_TIME", "Rule_OtherClock"));
  }

  @ParameterizedTest(name = "{0} → {1} / {3}, {5} ({6})")
  @MethodSource("rows")
  void decidesTheWarningLevels(String clock, double share1, String group1, double share2, String group2,
      String warnDuring, String rule) {
    Evaluation evaluation = TABLE.evaluate("clock", clock);

    assertThat(evaluation.rule()).isEqualTo(rule);
    assertThat(evaluation.row().get("warning1Share")).isEqualTo(share1);
    assertThat(evaluation.row().get("warning1Group")).isEqualTo(group1);
    assertThat(evaluation.row().get("warning2Share")).isEqualTo(share2);
    assertThat(evaluation.row().get("warning2Group")).isEqualTo(group2);
    assertThat(evaluation.row().get("warnDuring")).isEqualTo(warnDuring);
  }

  @Test
  void everyRuleHasATestRow() {
    List<String> rules = rows().map(row -> (String) row.get()[6]).toList();
    TABLE.assertEveryRuleCovered(rules);
  }

  @Test
  void levelOneComesBeforeLevelTwoAndBothBeforeTheBreach() {
    rows().forEach(row -> {
      Evaluation evaluation = TABLE.evaluate("clock", row.get()[0]);
      double share1 = (Double) evaluation.row().get("warning1Share");
      double share2 = (Double) evaluation.row().get("warning2Share");
      assertThat(share1).isGreaterThan(0.0).isLessThan(share2);
      assertThat(share2).isLessThan(1.0);
    });
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST, "warning1Share", "warning1Group", "warning2Share",
        "warning2Group", "warnDuring");
  }
}
