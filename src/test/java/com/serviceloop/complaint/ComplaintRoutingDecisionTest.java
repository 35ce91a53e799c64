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

/** dmn/complaint-routing.dmn: category × customer segment → assurance module → responsible group. */
class ComplaintRoutingDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("complaint-routing");

  /** category, customerSegment → assuranceModule, responsibleGroup, matched rule (null = no match). */
  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("NETWORK_QUALITY", "PUBLIC", "NETWORK_ASSURANCE", "dept-network-assurance", "Rule_NetworkPublic"),
        Arguments.of("BROADBAND", "PUBLIC", "NETWORK_ASSURANCE", "dept-network-assurance", "Rule_NetworkPublic"),
        Arguments.of("NETWORK_QUALITY", "GROUP", "NETWORK_ASSURANCE", "key-account-managers", "Rule_NetworkGroup"),
        Arguments.of("BROADBAND", "GROUP", "NETWORK_ASSURANCE", "key-account-managers", "Rule_NetworkGroup"),
        Arguments.of("COUNTER_SERVICE", "PUBLIC", "CHANNEL_SERVICE", "dept-channel-service", "Rule_CounterPublic"),
        Arguments.of("COUNTER_SERVICE", "GROUP", "CHANNEL_SERVICE", "key-account-managers", "Rule_CounterGroup"),
        Arguments.of("PRODUCT", "PUBLIC", "BUSINESS_MANAGEMENT", "dept-business-management", "Rule_ProductPublic"),
        Arguments.of("VALUE_ADDED_SP", "PUBLIC", "BUSINESS_MANAGEMENT", "dept-business-management", "Rule_ProductPublic"),
        Arguments.of("PRODUCT", "GROUP", "BUSINESS_MANAGEMENT", "key-account-managers", "Rule_ProductGroup"),
        Arguments.of("VALUE_ADDED_SP", "GROUP", "BUSINESS_MANAGEMENT", "key-account-managers", "Rule_ProductGroup"),
        Arguments.of("BILLING", "PUBLIC", "SYSTEM_RESOURCE_SUPPORT", "dept-system-support", "Rule_BillingPublic"),
        Arguments.of("BILLING", "GROUP", "SYSTEM_RESOURCE_SUPPORT", "key-account-managers", "Rule_BillingGroup"),
        // No catch-all: the process sends these to service supervision for triage.
        Arguments.of("OTHER", "PUBLIC", null, null, null),
        Arguments.of("OTHER", "GROUP", null, null, null),
        Arguments.of("NETWORK_QUALITY", "GOVERNMENT", null, null, null),
        Arguments.of("BILLING", null, null, null, null),
        Arguments.of(null, "PUBLIC", null, null, null));
  }

  @ParameterizedTest(name = "{0} / {1} → {2}, {3} ({4})")
  @MethodSource("rows")
  void routes(String category, String segment, String module, String group, String rule) {
    Evaluation evaluation = TABLE.evaluate("category", category, "customerSegment", segment);

    assertThat(evaluation.rule()).isEqualTo(rule);
    if (rule == null) {
      assertThat(evaluation.result()).as("no match → triage by service supervision").isEmpty();
    } else {
      assertThat(evaluation.get("assuranceModule")).isEqualTo(module);
      assertThat(evaluation.get("responsibleGroup")).isEqualTo(group);
    }
  }

  @Test
  void everyRuleHasATestRow() {
    List<String> rules = rows().map(row -> (String) row.get()[4]).toList();
    TABLE.assertEveryRuleCovered(rules);
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST, "assuranceModule", "responsibleGroup");
  }
}
