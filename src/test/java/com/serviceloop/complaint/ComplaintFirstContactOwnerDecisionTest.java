package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** dmn/complaint-first-contact-owner.dmn: the intake channel → the first-contact owner group (首问负责). */
class ComplaintFirstContactOwnerDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("complaint-first-contact-owner");

  /** channel → firstContactGroup, matched rule. */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("HOTLINE", "hotline", "Rule_HotlineChannels"),
        Arguments.of("HOTLINE_400", "hotline", "Rule_HotlineChannels"),
        Arguments.of("ONLINE", "hotline", "Rule_HotlineChannels"),
        Arguments.of("SMS", "hotline", "Rule_HotlineChannels"),
        Arguments.of("BUSINESS_HALL", "business-hall", "Rule_BusinessHall"),
        Arguments.of("VIP_LINE", "key-account-managers", "Rule_VipLine"),
        Arguments.of("REGULATOR", "service-supervision", "Rule_Regulator"),
        // Fallback: never without an owner.
        Arguments.of("WECHAT", "hotline", "Rule_OtherChannel"),
        Arguments.of(null, "hotline", "Rule_OtherChannel"));
  }

  @ParameterizedTest(name = "{0} → {1} ({2})")
  @MethodSource("rows")
  void decidesTheFirstContactOwner(String channel, String group, String rule) {
    Evaluation evaluation = TABLE.evaluate("channel", channel);

    assertThat(evaluation.rule()).isEqualTo(rule);
    assertThat(evaluation.row()).containsExactly(org.assertj.core.api.Assertions.entry("firstContactGroup", group));
  }

  @Test
  void everyRuleHasATestRow() {
    List<String> rules = rows().map(row -> (String) row.get()[2]).toList();
    TABLE.assertEveryRuleCovered(rules);
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST, "firstContactGroup");
  }
}
