package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Evaluates one real decision table from the top-level {@code dmn/} folder (the file a process
 * owner edits) with a standalone DMN engine, and tells which rule matched, so a test row can
 * say "this input is decided by that rule" and a test can check that every rule has a row.
 */
public final class DecisionTableTester {

  public static final Path DMN_FOLDER = Path.of("dmn");

  private final String decisionId;
  private final Path file;
  private final DmnEngine engine;
  private final DmnDecision decision;
  private final DmnModelInstance model;
  private final List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();

  private DecisionTableTester(String decisionId) {
    this.decisionId = decisionId;
    this.file = DMN_FOLDER.resolve(decisionId + ".dmn");
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener recorder = events::add;
    configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
    this.engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      this.decision = engine.parseDecision(decisionId, in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file.toAbsolutePath(), e);
    }
    this.model = Dmn.readModelFromFile(file.toFile());
  }

  /** The decision {@code id} from {@code dmn/<id>.dmn}. */
  public static DecisionTableTester decision(String id) {
    return new DecisionTableTester(id);
  }

  /** Evaluates the table; keys with null values are passed as null variables. */
  public Evaluation evaluate(Map<String, Object> inputs) {
    events.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, new HashMap<>(inputs));
    assertThat(events).as("decision table evaluations").hasSize(1);
    List<String> matched = events.get(0).getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).toList();
    return new Evaluation(matched, result);
  }

  /** Convenience for an even list of name, value pairs (values may be null). */
  public Evaluation evaluate(Object... namesAndValues) {
    Map<String, Object> inputs = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      inputs.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return evaluate(inputs);
  }

  /** The ids of all rules of the table, in table order. */
  public Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    table().getRules().forEach(rule -> ids.add(rule.getId()));
    return ids;
  }

  /**
   * The conventions a process owner relies on: decision id = file name, DMN 1.3, history time to
   * live, the expected hit policy and outputs, bilingual labels, a DMNDI shape, and an
   * explanation on every rule.
   */
  public void assertModelConventions(HitPolicy hitPolicy, String... outputNames) {
    Decision d = model.getModelElementById(decisionId);
    assertThat(d).as("decision %s in %s", decisionId, file).isNotNull();
    assertThat(model.getDefinitions().getDomElement().getNamespaceURI())
        .isEqualTo("https://www.omg.org/spec/DMN/20191111/MODEL/");
    assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    DecisionTable table = table();
    assertThat(table.getHitPolicy()).isEqualTo(hitPolicy);
    assertThat(table.getOutputs()).extracting(Output::getName).containsExactly(outputNames);
    for (Input input : table.getInputs()) {
      assertBilingual(input.getLabel(), "input label of " + input.getId());
      assertThat(input.getInputExpression().getTypeRef()).as("typeRef of " + input.getId()).isNotBlank();
    }
    for (Output output : table.getOutputs()) {
      assertBilingual(output.getLabel(), "output label of " + output.getName());
      assertThat(output.getTypeRef()).as("typeRef of " + output.getName()).isNotBlank();
    }
    for (Rule rule : table.getRules()) {
      assertThat(rule.getDescription()).as("description of rule " + rule.getId()).isNotNull();
      assertBilingual(rule.getDescription().getTextContent(), "description of rule " + rule.getId());
    }
    try {
      assertThat(Files.readString(file)).as("DMNDI shape of " + decisionId)
          .containsPattern("<dmndi:DMNShape[^>]*dmnElementRef=\"" + decisionId + "\"");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every rule id of the table is claimed by at least one test row, and no row names a missing rule. */
  public void assertEveryRuleCovered(Collection<String> ruleIdsOfTestRows) {
    Set<String> claimed = new LinkedHashSet<>(ruleIdsOfTestRows);
    claimed.remove(null);
    assertThat(claimed).as("rules with a test row in " + file).containsExactlyInAnyOrderElementsOf(ruleIds());
  }

  private DecisionTable table() {
    Decision d = model.getModelElementById(decisionId);
    return (DecisionTable) d.getExpression();
  }

  private static void assertBilingual(String text, String what) {
    assertThat(text).as(what).isNotBlank();
    assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
        .as(what + " has Chinese: " + text).isTrue();
    assertThat(text.chars().anyMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        .as(what + " has English: " + text).isTrue();
  }

  /** The outcome of one evaluation: the matched rule ids (table order) and the result. */
  public record Evaluation(List<String> matchedRuleIds, DmnDecisionResult result) {

    /** The first matched rule, or null when nothing matched. */
    public String rule() {
      return matchedRuleIds.isEmpty() ? null : matchedRuleIds.get(0);
    }

    /** The single result row (FIRST hit policy), or null when nothing matched. */
    public Map<String, Object> row() {
      return result.isEmpty() ? null : result.getSingleResult().getEntryMap();
    }

    public Object get(String output) {
      return result.isEmpty() ? null : result.getSingleResult().getEntry(output);
    }
  }
}
