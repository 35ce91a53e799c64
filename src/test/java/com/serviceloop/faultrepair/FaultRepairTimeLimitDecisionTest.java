package com.serviceloop.faultrepair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of dmn/fault-repair-time-limit.dmn, and the no-match. */
class FaultRepairTimeLimitDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("dmn/fault-repair-time-limit.dmn")) {
      decision = engine.parseDecision("fault-repair-time-limit", in);
    }
  }

  Map<String, Object> evaluate(String area, String segment) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("area", area).putValue("customerSegment", segment)).getFirstResult();
  }

  @ParameterizedTest(name = "{0} {1} -> repair {4}, priority {6}, {7}")
  @CsvSource({
      // area, segment,  fcLimit, fcMode,   repair, repairMode, priority, group
      "URBAN, GROUP,  PT2H, WORKING, P2D, NATURAL, 90, key-account-managers",   // Rule_UrbanGroupCustomer
      "RURAL, GROUP,  PT2H, WORKING, P3D, NATURAL, 90, key-account-managers",   // Rule_RuralGroupCustomer
      "URBAN, PUBLIC, PT2H, WORKING, P2D, NATURAL, 50, network",                // Rule_Urban
      "RURAL, PUBLIC, PT2H, WORKING, P3D, NATURAL, 50, network",                // Rule_Rural
  })
  void everyRule(String area, String segment, String fcLimit, String fcMode, String repair, String repairMode,
      int priority, String group) {
    Map<String, Object> row = evaluate(area, segment);
    assertThat(row).containsEntry("firstContactLimit", fcLimit).containsEntry("firstContactTimeMode", fcMode)
        .containsEntry("repairLimit", repair).containsEntry("repairTimeMode", repairMode)
        .containsEntry("contactGroup", group).containsEntry("returnOrderLimit", "PT24H")
        .containsEntry("returnVisitLimit", "PT24H");
    assertThat(((Number) row.get("priority")).intValue()).isEqualTo(priority);
  }

  @ParameterizedTest
  @CsvSource({"SUBURBAN, PUBLIC", "'', GROUP"})
  void unknownAreaMatchesNoRule(String area, String segment) {
    assertThat(evaluate(area, segment)).isNull();
  }
}
