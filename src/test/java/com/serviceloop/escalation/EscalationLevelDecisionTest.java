package com.serviceloop.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.DecisionTableTester;
import com.serviceloop.DecisionTableTester.Evaluation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmn/escalation-level.dmn (投诉处理升级机制), a decision requirements graph: escalation-next-level
 * decides reason × current level → the next level, escalation-level-properties looks up that level's
 * name, group and response limit (one row per level), and escalation-level — the decision the process
 * calls — returns both in one row.
 */
class EscalationLevelDecisionTest {

  private static final String FILE = "escalation-level";
  private static final String NEXT_LEVEL = "escalation-next-level";
  private static final String PROPERTIES = "escalation-level-properties";

  /** The decision the process calls; evaluating it evaluates the whole graph. */
  private static final DecisionTableTester TABLE = DecisionTableTester.decision("escalation-level");

  /** level → levelName, escalationGroup, responseLimit, responseTimeMode, rule of escalation-level-properties. */
  private static final Map<Integer, List<String>> LEVELS = Map.of(
      1, List.of("SHIFT_LEAD", "shift-lead", "PT2H", "WORKING", "Rule_Level1_ShiftLead"),
      2, List.of("DEPARTMENT_MANAGER", "department-manager", "PT4H", "WORKING", "Rule_Level2_DepartmentManager"),
      3, List.of("GENERAL_MANAGER", "general-manager", "P1D", "WORKING", "Rule_Level3_GeneralManager"));

  /** reason, currentLevel → expected level, matched rule of escalation-next-level. */
  static Stream<Arguments> rows() {
    return Stream.of(
        // Regulator referral: at least the department manager.
        Arguments.of("REGULATOR_REFERRAL", 0, 2, "Rule_RegulatorReferral_ToDepartmentManager"),
        Arguments.of("REGULATOR_REFERRAL", 1, 2, "Rule_RegulatorReferral_ToDepartmentManager"),
        Arguments.of("REGULATOR_REFERRAL", 2, 3, "Rule_RegulatorReferral_ToGeneralManager"),
        Arguments.of("REGULATOR_REFERRAL", 3, 3, "Rule_RegulatorReferral_ToGeneralManager"),
        // Closure, installation, repair overdue: at least the department manager.
        Arguments.of("CLOSURE_OVERDUE", 0, 2, "Rule_DeadlineOverdue_ToDepartmentManager"),
        Arguments.of("INSTALLATION_OVERDUE", 1, 2, "Rule_DeadlineOverdue_ToDepartmentManager"),
        Arguments.of("REPAIR_OVERDUE", 0, 2, "Rule_DeadlineOverdue_ToDepartmentManager"),
        Arguments.of("CLOSURE_OVERDUE", 2, 3, "Rule_DeadlineOverdue_ToGeneralManager"),
        Arguments.of("INSTALLATION_OVERDUE", 3, 3, "Rule_DeadlineOverdue_ToGeneralManager"),
        Arguments.of("REPAIR_OVERDUE", 2, 3, "Rule_DeadlineOverdue_ToGeneralManager"),
        // A level that did not answer in time: one up, capped at the general manager.
        Arguments.of("LEVEL_UNANSWERED", 0, 1, "Rule_LevelUnanswered_ToShiftLead"),
        Arguments.of("LEVEL_UNANSWERED", 1, 2, "Rule_LevelUnanswered_ToDepartmentManager"),
        Arguments.of("LEVEL_UNANSWERED", 2, 3, "Rule_LevelUnanswered_ToGeneralManager"),
        Arguments.of("LEVEL_UNANSWERED", 3, 3, "Rule_LevelUnanswered_ToGeneralManager"),
        // Unsatisfied return visit; unsatisfied again → the next level.
        Arguments.of("UNSATISFIED", 0, 1, "Rule_Unsatisfied_ToShiftLead"),
        Arguments.of("UNSATISFIED", 1, 2, "Rule_Unsatisfied_ToDepartmentManager"),
        Arguments.of("UNSATISFIED", 2, 3, "Rule_Unsatisfied_ToGeneralManager"),
        Arguments.of("UNSATISFIED", 3, 3, "Rule_Unsatisfied_ToGeneralManager"),
        // First contact / extraction / appointment overdue, repeat complaint, VIP: start at the shift lead.
        Arguments.of("FIRST_CONTACT_OVERDUE", 0, 1, "Rule_FirstLevelReason_ToShiftLead"),
        Arguments.of("EXTRACTION_OVERDUE", 0, 1, "Rule_FirstLevelReason_ToShiftLead"),
        Arguments.of("EXTRACTION_OVERDUE", 1, 2, "Rule_FirstLevelReason_ToDepartmentManager"),
        Arguments.of("APPOINTMENT_OVERDUE", 0, 1, "Rule_FirstLevelReason_ToShiftLead"),
        Arguments.of("REPEAT_COMPLAINT", 0, 1, "Rule_FirstLevelReason_ToShiftLead"),
        Arguments.of("VIP", 0, 1, "Rule_FirstLevelReason_ToShiftLead"),
        Arguments.of("FIRST_CONTACT_OVERDUE", 1, 2, "Rule_FirstLevelReason_ToDepartmentManager"),
        Arguments.of("VIP", 1, 2, "Rule_FirstLevelReason_ToDepartmentManager"),
        Arguments.of("REPEAT_COMPLAINT", 2, 3, "Rule_FirstLevelReason_ToGeneralManager"),
        Arguments.of("APPOINTMENT_OVERDUE", 3, 3, "Rule_FirstLevelReason_ToGeneralManager"),
        // Fallback: any other reason goes one up, never an incident.
        Arguments.of("SOMETHING_NEW", 0, 1, "Rule_OtherReason_ToShiftLead"),
        Arguments.of(null, 0, 1, "Rule_OtherReason_ToShiftLead"),
        Arguments.of("SOMETHING_NEW", 1, 2, "Rule_OtherReason_ToDepartmentManager"),
        Arguments.of("SOMETHING_NEW", 2, 3, "Rule_OtherReason_ToGeneralManager"),
        Arguments.of("SOMETHING_NEW", 3, 3, "Rule_OtherReason_ToGeneralManager"),
        // Safety net: no current level at all → treated as not yet escalated.
        Arguments.of("UNSATISFIED", null, 1, "Rule_LevelMissing_ToShiftLead"),
        Arguments.of("REGULATOR_REFERRAL", null, 1, "Rule_LevelMissing_ToShiftLead"),
        Arguments.of(null, null, 1, "Rule_LevelMissing_ToShiftLead"));
  }

  /** One row per level of escalation-level-properties: reason, currentLevel that reach it → level, its properties. */
  static Stream<Arguments> levelRows() {
    return Stream.of(
        Arguments.of("UNSATISFIED", 0, 1, "Rule_Level1_ShiftLead", "SHIFT_LEAD", "shift-lead", "PT2H", "WORKING"),
        Arguments.of("UNSATISFIED", 1, 2, "Rule_Level2_DepartmentManager", "DEPARTMENT_MANAGER",
            "department-manager", "PT4H", "WORKING"),
        Arguments.of("UNSATISFIED", 2, 3, "Rule_Level3_GeneralManager", "GENERAL_MANAGER", "general-manager",
            "P1D", "WORKING"));
  }

  @ParameterizedTest(name = "{0} at level {1} → level {2} ({3})")
  @MethodSource("rows")
  void decidesTheNextLevel(String reason, Integer currentLevel, int level, String rule) {
    Evaluation evaluation = TABLE.evaluate("reason", reason, "currentLevel", currentLevel);

    assertThat(evaluation.rule(NEXT_LEVEL)).isEqualTo(rule);
    assertThat(evaluation.rule()).isEqualTo("Rule_NextLevelWithProperties");
    assertThat(evaluation.get("level")).isInstanceOf(Integer.class).isEqualTo(level);
    List<String> expected = LEVELS.get(level);
    assertThat(evaluation.rule(PROPERTIES)).isEqualTo(expected.get(4));
    assertThat(evaluation.row()).containsOnlyKeys(
        "level", "levelName", "escalationGroup", "responseLimit", "responseTimeMode");
    assertThat(evaluation.get("levelName")).isEqualTo(expected.get(0));
    assertThat(evaluation.get("escalationGroup")).isEqualTo(expected.get(1));
    assertThat(evaluation.get("responseLimit")).isEqualTo(expected.get(2));
    assertThat(evaluation.get("responseTimeMode")).isEqualTo(expected.get(3));
  }

  @ParameterizedTest(name = "level {2}: {4}, {5}, {6} {7} ({3})")
  @MethodSource("levelRows")
  void looksUpEachLevelsPropertiesInOneRow(String reason, int currentLevel, int level, String rule, String name,
      String group, String limit, String mode) {
    Evaluation evaluation = TABLE.evaluate("reason", reason, "currentLevel", currentLevel);

    assertThat(evaluation.get("level")).isEqualTo(level);
    assertThat(evaluation.rule(PROPERTIES)).isEqualTo(rule);
    assertThat(evaluation.row()).containsEntry("levelName", name).containsEntry("escalationGroup", group)
        .containsEntry("responseLimit", limit).containsEntry("responseTimeMode", mode);
  }

  @Test
  void aLongCurrentLevelFromProcessVariablesWorksToo() {
    Evaluation evaluation = TABLE.evaluate("reason", "UNSATISFIED", "currentLevel", 1L);

    assertThat(evaluation.rule(NEXT_LEVEL)).isEqualTo("Rule_Unsatisfied_ToDepartmentManager");
    assertThat(evaluation.get("level")).isEqualTo(2);
    assertThat(evaluation.get("responseLimit")).isEqualTo("PT4H");
  }

  @Test
  void aLevelVariableOfTheCallerDoesNotOverrideTheDecidedLevel() {
    Evaluation evaluation = TABLE.evaluate("reason", "REGULATOR_REFERRAL", "currentLevel", 0,
        "level", 3, "responseLimit", "P9D");

    assertThat(evaluation.get("level")).isEqualTo(2);
    assertThat(evaluation.get("escalationGroup")).isEqualTo("department-manager");
    assertThat(evaluation.get("responseLimit")).isEqualTo("PT4H");
  }

  @Test
  void everyRuleHasATestRow() {
    DecisionTableTester.decision(FILE, NEXT_LEVEL).assertEveryRuleCovered(
        rows().map(row -> (String) row.get()[3]).toList());
    DecisionTableTester.decision(FILE, PROPERTIES).assertEveryRuleCovered(
        levelRows().map(row -> (String) row.get()[3]).toList());
    TABLE.assertEveryRuleCovered(List.of("Rule_NextLevelWithProperties"));
  }

  @Test
  void followsTheModelConventions() {
    TABLE.assertModelConventions(HitPolicy.FIRST,
        "level", "levelName", "escalationGroup", "responseLimit", "responseTimeMode");
    DecisionTableTester.decision(FILE, NEXT_LEVEL).assertModelConventions(HitPolicy.FIRST, "level");
    DecisionTableTester.decision(FILE, PROPERTIES).assertModelConventions(HitPolicy.UNIQUE,
        "levelName", "escalationGroup", "responseLimit", "responseTimeMode");
  }

  @Test
  void eachLevelsPropertiesAreWrittenOnce() {
    // The issue this graph fixes: a level's group and response limit live in one row, nowhere else.
    assertThat(DecisionTableTester.decision(FILE, PROPERTIES).ruleIds()).hasSize(LEVELS.size());
    assertThat(DecisionTableTester.decision(FILE, NEXT_LEVEL).outputNames()).containsExactly("level");
  }
}
