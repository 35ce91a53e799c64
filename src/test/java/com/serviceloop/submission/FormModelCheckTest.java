package com.serviceloop.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Model check: every form in forms/ is one the server can check — its field types, options and every
 * conditional.hide / readonly expression are within what {@link DeployedForm} and {@link FormCondition}
 * support. A form that uses more fails here, before it is deployed, instead of being refused at run time.
 */
class FormModelCheckTest {

  @Test
  void everyFormIsFullyCheckableByTheServer() throws IOException {
    List<String> problems = new ArrayList<>();
    int forms = 0;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms++;
        try {
          DeployedForm form = DeployedForm.parse(Files.readString(file));
          assertThat(form.id()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".form", ""));
          for (DeployedForm.Field field : form.fields()) {
            if (field.hide() != null) {
              field.hide().isTrue(Map.of());   // evaluable on an empty case
            }
          }
        } catch (UnsupportedFormException e) {
          problems.add(file + ": " + e.getMessage());
        }
      }
    }
    assertThat(forms).isGreaterThanOrEqualTo(20);
    assertThat(problems).as("forms the submission guard cannot check").isEmpty();
  }

  @Test
  void theConditionsTheFormsUseEvaluateAsFormJsEvaluatesThem() {
    assertThat(FormCondition.parse("=channel != \"BUSINESS_HALL\"").isTrue(Map.of("channel", "BUSINESS_HALL")))
        .isFalse();
    assertThat(FormCondition.parse("=channel != \"BUSINESS_HALL\"").isTrue(Map.of())).isTrue();
    assertThat(FormCondition.parse("=needsOnSiteVisit != true").isTrue(Map.of("needsOnSiteVisit", true))).isFalse();
    assertThat(FormCondition.parse("=resolvedRemotely").isTrue(Map.of("resolvedRemotely", true))).isTrue();
    assertThat(FormCondition.parse("=resolvedRemotely").isTrue(Map.of())).isFalse();
    FormCondition paid = FormCondition.parse("=installOutcome != \"INSTALLED\" or paidAtHall");
    assertThat(paid.isTrue(Map.of("installOutcome", "INSTALLED", "paidAtHall", false))).isFalse();
    assertThat(paid.isTrue(Map.of("installOutcome", "INSTALLED", "paidAtHall", true))).isTrue();
    assertThat(paid.isTrue(Map.of("installOutcome", "INSTALLED"))).isFalse();
    assertThat(FormCondition.parse("=not(a = 1) and b >= 2.5").isTrue(Map.of("a", 2, "b", 3))).isTrue();
    // three-valued, as FEEL: a missing flag is null, and the deciding value wins over it
    assertThat(FormCondition.parse("=resolvedRemotely or paidAtHall").isTrue(Map.of("paidAtHall", true))).isTrue();
    assertThat(FormCondition.parse("=not(resolvedRemotely and paidAtHall)").isTrue(Map.of("paidAtHall", false)))
        .isTrue();
  }

  @Test
  void whatTheEvaluatorDoesNotSupportIsRefusedNotGuessed() {
    for (String unsupported : List.of("=contains(channel, \"HALL\")", "=if a then b else c", "=a + 1 > 2",
        "=a.b = 1", "=[1,2]", "channel = \"X\"", "=count(items) > 0", "=a in [1,2]")) {
      assertThatThrownBy(() -> FormCondition.parse(unsupported)).as(unsupported)
          .isInstanceOf(UnsupportedFormException.class);
    }
    assertThatThrownBy(() -> DeployedForm.parse("""
        {"id": "x", "components": [{"type": "expression", "key": "total", "expression": "=a + b"}]}"""))
        .isInstanceOf(UnsupportedFormException.class);
    assertThatThrownBy(() -> DeployedForm.parse("""
        {"id": "x", "components": [{"type": "select", "key": "s", "valuesKey": "options"}]}"""))
        .isInstanceOf(UnsupportedFormException.class);
  }
}
