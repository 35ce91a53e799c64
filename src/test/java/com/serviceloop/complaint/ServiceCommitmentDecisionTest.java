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

/** dmn/service-commitment.dmn: the root cause → the operator's service commitment (服务承诺). */
class ServiceCommitmentDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("service-commitment");

  /** category, rootCause → commitment, compensationFactor, start of commitmentNote, matched rule. */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("BILLING", "BILLING_ERROR", "DOUBLE_REFUND", 2.0, "话费误差、双倍返还", "Rule_BillingError"),
        Arguments.of("VALUE_ADDED_SP", "SMS_ERROR", "SMS_FIRST_COMPENSATION", 1.0, "短信差错、先行赔付", "Rule_SmsError"),
        Arguments.of("VALUE_ADDED_SP", "SP_FRAUD", "SP_SHUTOFF_AND_REFUND", 1.0, "SP欺诈、关停退款", "Rule_SpFraud"),
        Arguments.of("PRODUCT", "CONSUMPTION_TRAP", "CONSUMPTION_TRAP_STOPPED", 1.0, "坚决制止消费陷阱", "Rule_ConsumptionTrap"),
        Arguments.of("BILLING", "CARD_BALANCE", "CARD_BALANCE_RESTORED", 1.0, "电话卡余额妥善处理", "Rule_CardBalance"),
        // The root cause decides, whatever the category.
        Arguments.of("NETWORK_QUALITY", "BILLING_ERROR", "DOUBLE_REFUND", 2.0, "话费误差、双倍返还", "Rule_BillingError"),
        // Fallback: no commitment, no compensation.
        Arguments.of("NETWORK_QUALITY", "NETWORK_FAULT", "NONE", 0.0, "无适用服务承诺", "Rule_NoCommitment"),
        Arguments.of("COUNTER_SERVICE", "STAFF_CONDUCT", "NONE", 0.0, "无适用服务承诺", "Rule_NoCommitment"),
        Arguments.of("BILLING", "CUSTOMER_MISUNDERSTANDING", "NONE", 0.0, "无适用服务承诺", "Rule_NoCommitment"),
        Arguments.of(null, null, "NONE", 0.0, "无适用服务承诺", "Rule_NoCommitment"));
  }

  @ParameterizedTest(name = "{0} / {1} → {2} × {3} ({5})")
  @MethodSource("rows")
  void decidesTheCommitment(String category, String rootCause, String commitment, double factor, String note,
      String rule) {
    Evaluation evaluation = TABLE.evaluate("category", category, "rootCause", rootCause);

    assertThat(evaluation.rule()).isEqualTo(rule);
    assertThat(evaluation.get("commitment")).isEqualTo(commitment);
    assertThat(evaluation.get("compensationFactor")).isInstanceOf(Double.class).isEqualTo(factor);
    assertThat((String) evaluation.get("commitmentNote")).startsWith(note);
  }

  @Test
  void everyRuleHasATestRow() {
    List<String> rules = rows().map(row -> (String) row.get()[5]).toList();
    TABLE.assertEveryRuleCovered(rules);
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST, "commitment", "compensationFactor", "commitmentNote");
  }
}
