package com.serviceloop.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** dmn/complaint-template.dmn, the catalogue of categories: one row per rule, and unknown categories. */
class ComplaintTemplateDecisionTest {

  static final Path FILE = FileComplaintTemplates.FILE;

  static List<TemplateField> fieldsOf(String category) {
    return FileComplaintTemplates.INSTANCE.fieldsOf(category);
  }

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("NETWORK_QUALITY", List.of("location")),
        Arguments.of("COUNTER_SERVICE", List.of("businessHall")),
        Arguments.of("PRODUCT", List.of("productName")),
        Arguments.of("BILLING", List.of("billingMonth", "disputedAmount")),
        Arguments.of("BROADBAND", List.of("broadbandAccount")),
        Arguments.of("VALUE_ADDED_SP", List.of("spName", "spServiceCode")),
        Arguments.of("OTHER", List.of("subject")));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("templates")
  void eachCategoryHasItsTemplateFields(String category, List<String> fields) {
    List<TemplateField> template = fieldsOf(category);
    assertThat(template).extracting(TemplateField::field).containsExactlyElementsOf(fields);
    // bilingual labels: Chinese first, then English
    assertThat(template).allSatisfy(field ->
        assertThat(field.label()).matches("^[^\\x00-\\x7F].*[A-Za-z].*"));
  }

  @ParameterizedTest(name = "unknown category \"{0}\" has no rows")
  @ValueSource(strings = {"ROAMING", "billing", "", "NETWORK"})
  void anUnknownCategoryHasNoRows(String category) {
    assertThat(fieldsOf(category)).isEmpty();
  }

  @Test
  void billingHasItsLabels() {
    assertThat(fieldsOf("BILLING")).extracting(TemplateField::field, TemplateField::label).containsExactly(
        tuple("billingMonth", "账期 Billing month (YYYY-MM)"),
        tuple("disputedAmount", "争议金额(元) Disputed amount (CNY)"));
  }

  @Test
  void theTableIsACollectTableWhoseRulesAllHaveATestRow() throws Exception {
    var model = Dmn.readModelFromFile(FILE.toFile());
    Decision definition = model.getModelElementById("complaint-template");
    assertThat(definition.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    DecisionTable table = (DecisionTable) definition.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
    long rowsTested = templates().mapToLong(a -> ((List<?>) a.get()[1]).size()).sum();
    assertThat(table.getRules()).hasSize((int) rowsTested);
    assertThat(table.getRules()).extracting(Rule::getId).doesNotHaveDuplicates();
  }
}
