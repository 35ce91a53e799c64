package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/complaint-service-level.dmn: category × tier × channel → priority and time limits (限时办结). */
class ComplaintServiceLevelDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("complaint-service-level");

  private static final String[] OUTPUTS = {"priority", "firstContactLimit", "firstContactTimeMode", "closureLimit",
      "closureTimeMode", "reprocessingLimit", "returnVisitLimit", "intakeEscalation"};

  /**
   * category, customerTier, channel, matched rule, then the expected outputs in table order:
   * priority, firstContactLimit, firstContactTimeMode, closureLimit, closureTimeMode,
   * reprocessingLimit, returnVisitLimit, intakeEscalation.
   */
  static Stream<Arguments> rows() {
    return Stream.of(
        // A regulator referral wins over everything, even a diamond customer's billing complaint.
        row("NETWORK_QUALITY", "STANDARD", "REGULATOR", "Rule_RegulatorReferral",
            90, "PT2H", "WORKING", "P3D", "NATURAL", "P2D", "PT24H", "REGULATOR_REFERRAL"),
        row("BILLING", "DIAMOND", "REGULATOR", "Rule_RegulatorReferral",
            90, "PT2H", "WORKING", "P3D", "NATURAL", "P2D", "PT24H", "REGULATOR_REFERRAL"),
        row("PRODUCT", "DIAMOND", "HOTLINE", "Rule_DiamondTier",
            80, "PT1H", "WORKING", "P3D", "NATURAL", "P1D", "PT24H", "VIP"),
        row("BILLING", "DIAMOND", "VIP_LINE", "Rule_DiamondTier",
            80, "PT1H", "WORKING", "P3D", "NATURAL", "P1D", "PT24H", "VIP"),
        row("BROADBAND", "STANDARD", "VIP_LINE", "Rule_VipLine",
            80, "PT1H", "WORKING", "P3D", "NATURAL", "P1D", "PT24H", "VIP"),
        row("NETWORK_QUALITY", "GOLD", "BUSINESS_HALL", "Rule_GoldTier",
            70, "PT2H", "WORKING", "P5D", "NATURAL", "P2D", "PT24H", null),
        row("BILLING", "GOLD", "HOTLINE", "Rule_GoldTier",
            70, "PT2H", "WORKING", "P5D", "NATURAL", "P2D", "PT24H", null),
        row("BILLING", "STANDARD", "HOTLINE", "Rule_MoneyAtStake",
            60, "PT2H", "WORKING", "P5D", "NATURAL", "P3D", "PT24H", null),
        row("VALUE_ADDED_SP", "SILVER", "SMS", "Rule_MoneyAtStake",
            60, "PT2H", "WORKING", "P5D", "NATURAL", "P3D", "PT24H", null),
        // Fallback.
        row("NETWORK_QUALITY", "STANDARD", "HOTLINE", "Rule_Standard",
            50, "PT2H", "WORKING", "P7D", "NATURAL", "P3D", "PT24H", null),
        row("COUNTER_SERVICE", "SILVER", "BUSINESS_HALL", "Rule_Standard",
            50, "PT2H", "WORKING", "P7D", "NATURAL", "P3D", "PT24H", null),
        row("OTHER", null, null, "Rule_Standard",
            50, "PT2H", "WORKING", "P7D", "NATURAL", "P3D", "PT24H", null));
  }

  private static Arguments row(String category, String tier, String channel, String rule, Object... outputs) {
    return Arguments.of(category, tier, channel, rule, outputs);
  }

  @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
  @MethodSource("rows")
  void decidesPriorityAndLimits(String category, String tier, String channel, String rule, Object[] expected) {
    Evaluation evaluation = TABLE.evaluate("category", category, "customerTier", tier, "channel", channel);

    assertThat(evaluation.rule()).isEqualTo(rule);
    Map<String, Object> row = evaluation.row();
    // Every output is present, intakeEscalation as an explicit null, so callers can read all of them.
    assertThat(row).containsOnlyKeys(OUTPUTS);
    for (int i = 0; i < OUTPUTS.length; i++) {
      assertThat(row.get(OUTPUTS[i])).as(OUTPUTS[i]).isEqualTo(expected[i]);
    }
    assertThat(row.get("priority")).isInstanceOf(Integer.class);
  }

  @Test
  void everyClosureLimitIsWellWithinTheStatutoryFifteenDaysAndEveryLimitIsIso() {
    rows().forEach(row -> {
      Object[] out = (Object[]) row.get()[4];
      assertThat(Period.parse((String) out[3]).getDays()).isLessThanOrEqualTo(7);
      assertThat(Duration.parse((String) out[1])).isPositive();
      Period.parse((String) out[5]);
      assertThat(Duration.parse((String) out[6])).isPositive();
    });
  }

  @Test
  void everyRuleHasATestRow() {
    List<String> rules = rows().map(row -> (String) row.get()[3]).toList();
    TABLE.assertEveryRuleCovered(rules);
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST, OUTPUTS);
  }
}
