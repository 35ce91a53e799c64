package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;

/** dmn/kpi-weights.dmn: the weights of a weighted KPI (satisfactionRate: unsatisfied broadband orders 1.05). */
class KpiWeightsDecisionTest {

  private static final DecisionTableTester TABLE = DecisionTableTester.decision("kpi-weights");

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.COLLECT, "orderType", "category", "weight");
  }

  @Test
  void satisfactionWeighsEveryBroadbandKindInRuleOrder() {
    Evaluation e = TABLE.evaluate("kpi", "satisfactionRate");
    assertThat(e.matchedRuleIds()).containsExactly(
        "Rule_UnsatisfiedInstallation", "Rule_UnsatisfiedFaultRepair", "Rule_UnsatisfiedBroadbandComplaint");
    List<Map<String, Object>> rows = e.result().getResultList();
    assertThat(rows).extracting(r -> r.get("orderType")).containsExactly("INSTALLATION", "FAULT_REPAIR", "COMPLAINT");
    assertThat(rows).extracting(r -> r.get("category")).containsExactly(null, null, "BROADBAND");
    assertThat(rows).extracting(r -> r.get("weight")).containsOnly(1.05);
    assertThat(rows).extracting(DmnKpiWeightSource::weight)
        .extracting(w -> w.weight().toPlainString()).containsOnly("1.05");
    TABLE.assertEveryRuleCovered(e.matchedRuleIds());
  }

  @Test
  void anUnweightedKpiMatchesNoRuleSoEveryOrderWeighsOne() {
    assertThat(TABLE.evaluate("kpi", "timelyHandlingRate").matchedRuleIds()).isEmpty();
    assertThat(TABLE.evaluate("kpi", null).matchedRuleIds()).isEmpty();
  }
}
