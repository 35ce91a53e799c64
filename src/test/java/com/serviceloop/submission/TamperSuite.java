package com.serviceloop.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.submission.DeployedForm.Field;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The generated tamper suite: for a task (or start form) reached through its process, every tampered
 * submission that can be built from its DEPLOYED form — each non-editable variable changed, foreign
 * variables added, each required field missing, each option field off its options, each number out of
 * range or not a number, each text too long or off its pattern, each datetime unparseable, each hidden field
 * submitted — is sent through HTTP as a user of the task's candidate group and must answer 400 and change
 * nothing (the snapshot of work order, variables and tasks is compared before and after). Then the valid
 * submission itself must be accepted, which shows that each refusal was the tampering's.
 */
public final class TamperSuite {

  /** Every tampered submission of the run, over all classes; each 4xx, none 5xx (asserted one by one). */
  public static final AtomicInteger TAMPERED = new AtomicInteger();
  public static final AtomicInteger STEPS = new AtomicInteger();
  public static final AtomicInteger SERVER_ERRORS = new AtomicInteger();

  /** Variables the issue saw forged: never a key of an editable field, always refused. */
  static final List<String> FORGED = List.of("orderNo", "responsibleGroup", "rounds", "firstContactDue",
      "closureDue", "escalationLevel", "initiator", "serviceloopTampered");

  private final EngineRestClient client;
  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;

  public TamperSuite(EngineRestClient client, TaskService taskService, FormService formService,
      RepositoryService repositoryService) {
    this.client = client;
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
  }

  /** Tampers with a task's form; returns the number of tampered submissions. Completes the task at the end. */
  public int task(String taskId, String group, Map<String, Object> valid, Supplier<CaseSnapshot> snapshot) {
    DeployedForm form;
    try (InputStream in = formService.getDeployedTaskForm(taskId)) {
      form = DeployedForm.parse(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> context = new HashMap<>(taskService.getVariables(taskId));
    int made = run(form, context, valid, snapshot,
        values -> client.submitTaskForm(group, taskId, values));
    ResponseEntity<JsonNode> accepted = client.submitTaskForm(group, taskId, valid);
    assertThat(accepted.getStatusCode()).as("the valid submission of %s: %s", form.id(), accepted.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return made;
  }

  /** Tampers with a start form; returns the number of tampered submissions. Starts one case at the end. */
  public int start(String processKey, String group, Map<String, Object> valid, Supplier<CaseSnapshot> snapshot) {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    DeployedForm form;
    try (InputStream in = formService.getDeployedStartForm(definitionId)) {
      form = DeployedForm.parse(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    int made = run(form, Map.of(), valid, snapshot, values -> client.submitStartForm(group, processKey, values));
    ResponseEntity<JsonNode> accepted = client.submitStartForm(group, processKey, valid);
    assertThat(accepted.getStatusCode()).as("the valid start of %s: %s", form.id(), accepted.getBody())
        .isEqualTo(HttpStatus.OK);
    return made;
  }

  private int run(DeployedForm form, Map<String, Object> caseVariables, Map<String, Object> valid,
      Supplier<CaseSnapshot> snapshot, java.util.function.Function<Map<String, Object>, ResponseEntity<JsonNode>> send) {
    Map<String, Map<String, Object>> cases = tampered(form, caseVariables, valid);
    CaseSnapshot before = snapshot.get();
    for (Map.Entry<String, Map<String, Object>> tamper : cases.entrySet()) {
      ResponseEntity<JsonNode> answer = send.apply(tamper.getValue());
      if (answer.getStatusCode().is5xxServerError()) {
        SERVER_ERRORS.incrementAndGet();
      }
      assertThat(answer.getStatusCode()).as("%s / %s: %s", form.id(), tamper.getKey(), answer.getBody())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().path("errors").size()).as("%s / %s: a message per field", form.id(),
          tamper.getKey()).isPositive();
      TAMPERED.incrementAndGet();
    }
    assertThat(snapshot.get()).as("%s: nothing changed by %d refused submissions", form.id(), cases.size())
        .isEqualTo(before);
    STEPS.incrementAndGet();
    return cases.size();
  }

  /** The tampered submissions of a form, by a description of what was tampered with. */
  static Map<String, Map<String, Object>> tampered(DeployedForm form, Map<String, Object> caseVariables,
      Map<String, Object> valid) {
    Map<String, Object> context = new HashMap<>(caseVariables);
    context.putAll(typedForConditions(valid));
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    for (Field field : form.fields()) {
      if (!field.editable()) {
        cases.put("read-only " + field.key() + " changed", with(valid, field.key(), "篡改 tampered"));
      }
    }
    for (String forged : FORGED) {
      if (form.field(forged) == null) {
        cases.put("foreign " + forged + " added", with(valid, forged, "rounds".equals(forged) ? 3 : "CMP-000001"));
      }
    }
    for (Field field : form.fields()) {
      if (!field.editable()) {
        continue;
      }
      boolean hidden = field.hide() != null && field.hide().isTrue(context);
      String key = field.key();
      if (hidden) {
        cases.put("hidden " + key + " submitted", with(valid, key, sample(field)));
        continue;
      }
      if (field.required()) {
        cases.put("required " + key + " missing", without(valid, key));
        if ("checkbox".equals(field.type())) {
          cases.put("required " + key + " unticked", with(valid, key, false));
        }
      }
      if (field.hasOptions()) {
        Object off = "checklist".equals(field.type()) || "taglist".equals(field.type())
            ? Map.of("value", "[\"NOT_AN_OPTION\"]", "type", "Json") : "NOT_AN_OPTION";
        cases.put(key + " off its options", with(valid, key, off));
      }
      switch (field.type()) {
        case "number" -> {
          if (field.min() != null) {
            cases.put(key + " below min", with(valid, key, field.min().subtract(BigDecimal.ONE)));
          }
          if (field.max() != null) {
            cases.put(key + " above max", with(valid, key, field.max().add(BigDecimal.ONE)));
          }
          if (field.decimalDigits() != null) {
            cases.put(key + " too many decimals", with(valid, key,
                BigDecimal.ONE.movePointLeft(field.decimalDigits() + 1).add(BigDecimal.ONE)));
          }
          cases.put(key + " not a number", with(valid, key, "a"));
          cases.put(key + " a typed non-number", with(valid, key, Map.of("value", "12a", "type", "Double")));
        }
        case "checkbox" -> cases.put(key + " not a boolean", with(valid, key, "yes"));
        case "datetime" -> {
          cases.put(key + " not a date-time", with(valid, key, "next tuesday"));
          cases.put(key + " not text", with(valid, key, 20261120));
        }
        case "textfield", "textarea" -> {
          int limit = field.maxLength() != null ? field.maxLength() : FormValidator.ENGINE_STRING_LIMIT;
          cases.put(key + " too long", with(valid, key, "长".repeat(limit + 1)));
          if (field.pattern() != null && !field.pattern().matcher("!!").find()) {
            cases.put(key + " off its pattern", with(valid, key, "!!"));
          }
          cases.put(key + " not text", with(valid, key, Map.of("a", 1)));
        }
        case "select", "radio" -> cases.put(key + " not text", with(valid, key, 42));
        case "dynamiclist" -> {
          cases.put(key + " not a list", with(valid, key, Map.of("value", "{}", "type", "Json")));
          cases.putAll(tamperedItems(field, valid.get(key)));
        }
        default -> { }
      }
    }
    return cases;
  }

  /** A dynamic list's first entry tampered with, field by field (the list is sent as Tasklist sends it: Json). */
  private static Map<String, Map<String, Object>> tamperedItems(Field list, Object validValue) {
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    if (!(validValue instanceof Map<?, ?> typed) || !(typed.get("value") instanceof String text)) {
      return cases;
    }
    try {
      com.fasterxml.jackson.databind.node.ArrayNode items =
          (com.fasterxml.jackson.databind.node.ArrayNode) EngineRestClient.JSON.readTree(text);
      if (items.isEmpty()) {
        return cases;
      }
      java.util.function.BiConsumer<String, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>>
          add = (what, change) -> {
            com.fasterxml.jackson.databind.node.ArrayNode copy = items.deepCopy();
            change.accept((com.fasterxml.jackson.databind.node.ObjectNode) copy.get(0));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(list.key(), Map.of("value", copy.toString(), "type", "Json"));
            cases.put(list.key() + "[0]." + what, values);
          };
      add.accept("foreign key added", item -> item.put("serviceloopTampered", "x"));
      for (Field field : list.items()) {
        if (field.required()) {
          add.accept(field.key() + " missing", item -> item.remove(field.key()));
        }
        if (field.hasOptions()) {
          add.accept(field.key() + " off its options", item -> item.put(field.key(), "NOT_AN_OPTION"));
        }
        if (field.maxLength() != null) {
          add.accept(field.key() + " too long", item -> item.put(field.key(), "长".repeat(field.maxLength() + 1)));
        }
        if ("datetime".equals(field.type())) {
          add.accept(field.key() + " not a date-time", item -> item.put(field.key(), "next tuesday"));
        }
        if ("checkbox".equals(field.type())) {
          add.accept(field.key() + " not a boolean", item -> item.put(field.key(), "yes"));
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return cases;
  }

  private static Object sample(Field field) {
    return switch (field.type()) {
      case "number" -> 1;
      case "checkbox" -> true;
      case "datetime" -> "2030-01-01T10:00+08:00";
      default -> field.hasOptions() ? field.options().iterator().next() : "x";
    };
  }

  private static Map<String, Object> typedForConditions(Map<String, Object> valid) {
    Map<String, Object> typed = new HashMap<>();
    valid.forEach((k, v) -> typed.put(k, v instanceof Map<?, ?> m && m.containsKey("value") ? m.get("value") : v));
    return typed;
  }

  private static Map<String, Object> with(Map<String, Object> valid, String key, Object value) {
    Map<String, Object> values = new LinkedHashMap<>(valid);
    values.put(key, value);
    return values;
  }

  private static Map<String, Object> without(Map<String, Object> valid, String key) {
    Map<String, Object> values = new LinkedHashMap<>(valid);
    values.remove(key);
    return values;
  }

  /** One line for the build log: what the suite did. */
  public static String figures(String what) {
    return "Tamper suite (" + what + "): " + STEPS.get() + " forms so far, " + TAMPERED.get()
        + " tampered submissions, all 400, " + SERVER_ERRORS.get() + " × 5xx";
  }

  static List<String> keys(DeployedForm form) {
    List<String> keys = new ArrayList<>();
    form.fields().forEach(f -> keys.add(f.key()));
    return keys;
  }
}
