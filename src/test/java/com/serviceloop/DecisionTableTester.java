package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Evaluates one real decision table from the top-level {@code dmn/} folder (the file a process
 * owner edits) with a standalone DMN engine, and tells which rule matched, so a test row can
 * say "this input is decided by that rule" and a test can check that every rule has a row.
 *
 * <p>A decision that requires other decisions (a decision requirements graph in one file) is
 * evaluated the way the engine does it: its required decisions first, their outputs available by
 * output name. The evaluation then tells the matched rules of every table of the graph.
 */
public final class DecisionTableTester {

  public static final Path DMN_FOLDER = Path.of("dmn");

  private final String decisionId;
  private final Path file;
  private final DmnEngine engine;
  private final DmnDecision decision;
  private final DmnModelInstance model;
  private final List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();

  private DecisionTableTester(String fileName, String decisionId) {
    this.decisionId = decisionId;
    this.file = DMN_FOLDER.resolve(fileName + ".dmn");
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
    return new DecisionTableTester(id, id);
  }

  /** The decision {@code id} of the decision requirements graph in {@code dmn/<file>.dmn}. */
  public static DecisionTableTester decision(String file, String id) {
    return new DecisionTableTester(file, id);
  }

  /** Evaluates the table (after the tables it requires); keys with null values are passed as null variables. */
  public Evaluation evaluate(Map<String, Object> inputs) {
    events.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, new HashMap<>(inputs));
    Map<String, List<String>> matched = new LinkedHashMap<>();
    for (DmnDecisionTableEvaluationEvent event : events) {
      assertThat(matched).as("decision %s evaluated once", event.getDecision().getKey())
          .doesNotContainKey(event.getDecision().getKey());
      matched.put(event.getDecision().getKey(),
          event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
    }
    assertThat(matched.keySet()).as("decision table evaluations").containsExactlyInAnyOrderElementsOf(graph(decision));
    return new Evaluation(decisionId, matched, result);
  }

  /** The decision and every decision it requires, directly or not. */
  private static Set<String> graph(DmnDecision decision) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(decision.getKey());
    decision.getRequiredDecisions().forEach(required -> keys.addAll(graph(required)));
    return keys;
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

  /** The output names of the table, in table order. */
  public List<String> outputNames() {
    return table().getOutputs().stream().map(Output::getName).toList();
  }

  /**
   * The conventions a process owner relies on: decision id = file name, DMN 1.3, history time to
   * live, the expected hit policy and outputs, bilingual labels, a DMNDI shape (and a DMNDI edge
   * for every decision it requires), and an explanation on every rule.
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
      String xml = Files.readString(file);
      assertThat(xml).as("DMNDI shape of " + decisionId)
          .containsPattern("<dmndi:DMNShape[^>]*dmnElementRef=\"" + decisionId + "\"");
      for (InformationRequirement requirement : d.getInformationRequirements()) {
        assertThat(xml).as("DMNDI edge of " + requirement.getAttributeValue("id"))
            .containsPattern("<dmndi:DMNEdge[^>]*dmnElementRef=\"" + requirement.getAttributeValue("id") + "\"");
      }
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

  /**
   * The outcome of one evaluation: the matched rule ids (table order) of the evaluated decision and of
   * every decision it requires, and the result of the evaluated decision.
   */
  public record Evaluation(String decisionId, Map<String, List<String>> matchedRuleIdsByDecision,
      DmnDecisionResult result) {

    /** The matched rule ids (table order) of the evaluated decision. */
    public List<String> matchedRuleIds() {
      return matchedRuleIdsByDecision.get(decisionId);
    }

    /** The first matched rule of the evaluated decision, or null when nothing matched. */
    public String rule() {
      return rule(decisionId);
    }

    /** The first matched rule of the decision {@code id} (the evaluated one or one it requires), or null. */
    public String rule(String id) {
      assertThat(matchedRuleIdsByDecision).as("decisions evaluated").containsKey(id);
      List<String> matched = matchedRuleIdsByDecision.get(id);
      return matched.isEmpty() ? null : matched.get(0);
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
