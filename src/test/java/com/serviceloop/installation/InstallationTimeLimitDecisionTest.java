package com.serviceloop.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule of dmn/installation-time-limit.dmn, evaluated from the file as the process owner edits it. */
class InstallationTimeLimitDecisionTest {

  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("dmn/installation-time-limit.dmn")) {
      decision = engine.parseDecision("installation-time-limit", in);
    }
  }

  List<Map<String, Object>> evaluate(String channel, String mode) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("channel", channel).putValue("constructionMode", mode)).getResultList();
  }

  @Test
  void hotlineOrderSelfBuilt_extractionAppointmentInstallationAndFollowUps() {
    assertThat(evaluate("HOTLINE_400", "SELF_BUILT"))
        .extracting(r -> r.get("milestone"), r -> r.get("limit"), r -> r.get("timeMode"), r -> r.get("damagesRatePerDay"))
        .containsExactly(
            tuple("EXTRACTION", "PT2H", "NATURAL", null),        // Rule_Extraction
            tuple("APPOINTMENT", "PT24H", "NATURAL", null),      // Rule_Appointment
            tuple("INSTALLATION", "P3D", "NATURAL", 0.01),       // Rule_Installation
            tuple("INSTALL_TARGET", "P3D", "WORKING", null),     // Rule_InstallTarget
            tuple("RETURN_ORDER", "PT24H", "NATURAL", null),     // Rule_ReturnOrder
            tuple("CASH_HANDOVER", "P1D", "WORKING", null),      // Rule_CashHandover
            tuple("PAYMENT_REVIEW", "P2D", "WORKING", null),     // Rule_PaymentReview
            tuple("RETURN_VISIT", "PT24H", "NATURAL", null));    // Rule_ReturnVisit
  }

  @Test
  void websiteOrderIsExtractedLikeTheHotline() {
    assertThat(evaluate("WEBSITE", "SELF_BUILT")).extracting(r -> r.get("milestone")).contains("EXTRACTION");
  }

  @Test
  void businessHallOrderIsAuditedNotExtracted() {
    List<Map<String, Object>> rows = evaluate("BUSINESS_HALL", "SELF_BUILT");
    assertThat(rows).extracting(r -> r.get("milestone")).contains("AUDIT").doesNotContain("EXTRACTION");
    assertThat(rows).filteredOn(r -> "AUDIT".equals(r.get("milestone")))
        .extracting(r -> r.get("limit"), r -> r.get("timeMode")).containsExactly(tuple("PT2H", "NATURAL"));
  }

  @Test
  void partnerBuiltNetworksPromiseThreeNaturalDaysToo_theOld15DayRuleStaysDisabled() {
    List<Map<String, Object>> installation = evaluate("HOTLINE_400", "PARTNER").stream()
        .filter(r -> "INSTALLATION".equals(r.get("milestone"))).toList();
    assertThat(installation).extracting(r -> r.get("limit")).containsExactly("P3D");
  }

  @Test
  void theDisabledPartnerRuleStillParsesAndWouldGiveFifteenDays() {
    List<Map<String, Object>> rows = evaluate("HOTLINE_400", "PARTNER-DISABLED");
    assertThat(rows).filteredOn(r -> "INSTALLATION".equals(r.get("milestone")))
        .extracting(r -> r.get("limit"), r -> r.get("damagesRatePerDay")).containsExactly(tuple("P15D", 0.01));
  }

  @Test
  void unknownConstructionModeHasNoInstallationPromise_theServiceRefusesIt() {
    assertThat(evaluate("HOTLINE_400", "UNKNOWN")).extracting(r -> r.get("milestone"))
        .doesNotContain("INSTALLATION");
  }
}
