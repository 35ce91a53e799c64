package com.serviceloop.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The guard reads a case's variables only when a condition of the form needs a name the submission does not
 * hold; when it does, the condition sees the case's value exactly as before.
 */
class FormValidatorCaseVariablesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final DeployedForm FORM = DeployedForm.parse("""
      {"id": "f", "components": [
        {"type": "checkbox", "key": "documentsRequested", "label": "Documents"},
        {"type": "textfield", "key": "note", "label": "Note", "conditional": {"hide": "=documentsRequested != true"}},
        {"type": "textfield", "key": "shown", "label": "Shown", "disabled": true,
         "conditional": {"hide": "=category = null"}}
      ]}""");

  final FormValidator validator = new FormValidator(ZoneId.of("Asia/Shanghai"));
  final AtomicInteger reads = new AtomicInteger();
  final Map<String, Object> caseVariables = new LazyVariables(() -> {
    reads.incrementAndGet();
    return Map.of("documentsRequested", true);
  });

  static JsonNode variables(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void theConditionNamesAreThoseOfTheSubmittableFields() {
    assertThat(FormCondition.parse("=a = 1 and (b != \"x\" or not(c))").names()).containsExactly("a", "b", "c");
    assertThat(FORM.conditionNames()).containsExactly("documentsRequested"); // not the display field's category
  }

  @Test
  void aSubmissionHoldingEveryNameTheConditionsReadDoesNotReadTheCase() throws Exception {
    FormValidator.Result result = validator.check(FORM, variables(
        "{\"documentsRequested\": {\"value\": false}, \"note\": {\"value\": \"x\"}}"), caseVariables);
    assertThat(result.errors()).extracting(e -> e.field()).containsExactly("note"); // hidden for false
    assertThat(reads).hasValue(0);
  }

  @Test
  void aConditionOnANameNotSubmittedReadsTheCaseOnceAndSeesItsValue() throws Exception {
    // the case says documents were requested: the note is shown, so submitting it is accepted
    FormValidator.Result result = validator.check(FORM, variables("{\"note\": {\"value\": \"x\"}}"), caseVariables);
    assertThat(result.errors()).isEmpty();
    assertThat(caseVariables.get("documentsRequested")).isEqualTo(true);
    assertThat(reads).hasValue(1);
  }
}
