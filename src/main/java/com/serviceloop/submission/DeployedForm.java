package com.serviceloop.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Camunda Form (form-js schema) as the submission guard reads it: its input fields with what form-js
 * itself would enforce in Tasklist. Built from the DEPLOYED form's JSON, never from the file in the repo.
 * Component types without input (text, html, image, spacer, separator) are skipped; groups without a
 * path are flattened; a dynamic list becomes a field whose items are checked against its components.
 * Anything else (expression fields, dynamic options, nested paths, ...) is refused with
 * {@link UnsupportedFormException}: the server checks what it understands, and says so otherwise.
 */
public record DeployedForm(String id, List<Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NO_INPUT = Set.of("text", "html", "image", "spacer", "separator", "button");
  private static final Set<String> INPUT = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");

  /** One input field of the form. */
  public record Field(
      String key,
      String type,
      String label,
      boolean editable,
      boolean required,
      FormCondition hide,
      FormCondition readonlyWhen,
      Set<String> options,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      Integer decimalDigits,
      String subtype,
      List<Field> items) {

    public boolean hasOptions() {
      return options != null;
    }

    /** "label (key)" as a person reads it in Tasklist's error notice. */
    public String display() {
      return label == null || label.isBlank() ? key : label + " (" + key + ")";
    }
  }

  public static DeployedForm parse(InputStream json) {
    try {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new UnsupportedFormException("the deployed form is not JSON: " + e.getMessage());
    }
  }

  public static DeployedForm parse(String json) {
    try {
      return parse(JSON.readTree(json));
    } catch (IOException e) {
      throw new UnsupportedFormException("the deployed form is not JSON: " + e.getMessage());
    }
  }

  static DeployedForm parse(JsonNode root) {
    String id = root.path("id").asText(null);
    List<Field> fields = new ArrayList<>();
    collect(id, root.path("components"), fields);
    Set<String> keys = new LinkedHashSet<>();
    for (Field field : fields) {
      if (!keys.add(field.key())) {
        throw new UnsupportedFormException("form " + id + ": key " + field.key() + " is used twice");
      }
    }
    return new DeployedForm(id, List.copyOf(fields));
  }

  /**
   * The names that the conditions ({@code hide}, expression {@code readonly}) of the submittable fields read,
   * their dynamic lists' items included: a submission whose values hold all of them needs no case variable.
   */
  public Set<String> conditionNames() {
    Set<String> names = new LinkedHashSet<>();
    collectConditionNames(fields, names);
    return names;
  }

  private static void collectConditionNames(List<Field> fields, Set<String> into) {
    for (Field field : fields) {
      if (!field.editable()) {
        continue; // the validator never evaluates a display field's condition
      }
      for (FormCondition condition : new FormCondition[] {field.hide(), field.readonlyWhen()}) {
        if (condition != null) {
          into.addAll(condition.names());
        }
      }
      if (field.items() != null) {
        collectConditionNames(field.items(), into);
      }
    }
  }

  public Field field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  private static void collect(String formId, JsonNode components, List<Field> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (NO_INPUT.contains(type)) {
        continue;
      }
      if ("group".equals(type)) {
        if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
          throw new UnsupportedFormException("form " + formId + ": groups with a path are not supported");
        }
        if (component.has("conditional")) {
          throw new UnsupportedFormException("form " + formId + ": conditional groups are not supported");
        }
        collect(formId, component.path("components"), into);
        continue;
      }
      if ("dynamiclist".equals(type)) {
        String path = component.path("path").asText("");
        if (path.isEmpty() || path.contains(".")) {
          throw new UnsupportedFormException("form " + formId + ": a dynamic list needs a plain path");
        }
        List<Field> items = new ArrayList<>();
        collect(formId, component.path("components"), items);
        into.add(new Field(path, type, component.path("label").asText(null), !fixed(component),
            false, condition(component.path("conditional").path("hide")), null, null,
            null, null, null, null, null, null, null, List.copyOf(items)));
        continue;
      }
      if (!INPUT.contains(type)) {
        throw new UnsupportedFormException("form " + formId + ": field type '" + type + "' is not supported");
      }
      into.add(field(formId, component, type));
    }
  }

  private static Field field(String formId, JsonNode c, String type) {
    String key = c.path("key").asText("");
    if (key.isEmpty() || key.contains(".") || key.contains("[")) {
      throw new UnsupportedFormException("form " + formId + ": field key '" + key + "' is not a plain name");
    }
    if (c.has("valuesKey") || c.has("valuesExpression")) {
      throw new UnsupportedFormException("form " + formId + ": " + key + " has dynamic options");
    }
    JsonNode validate = c.path("validate");
    String validationType = validate.path("validationType").asText("");
    if (!validationType.isEmpty() && !"custom".equals(validationType)) {
      throw new UnsupportedFormException("form " + formId + ": " + key + " uses validationType "
          + validationType);
    }
    Set<String> options = null;
    if (c.has("values")) {
      options = new LinkedHashSet<>();
      for (JsonNode option : c.path("values")) {
        options.add(option.path("value").asText());
      }
    } else if (Set.of("select", "radio", "checklist", "taglist").contains(type)) {
      throw new UnsupportedFormException("form " + formId + ": " + key + " has no static options");
    }
    FormCondition readonlyWhen = null;
    JsonNode readonly = c.path("readonly");
    if (readonly.isTextual()) {
      readonlyWhen = FormCondition.parse(readonly.asText());
    }
    String pattern = validate.path("pattern").asText("");
    String subtype = "datetime".equals(type) ? c.path("subtype").asText("datetime") : null;
    return new Field(key, type, c.path("label").asText(null), !fixed(c),
        validate.path("required").asBoolean(false), condition(c.path("conditional").path("hide")),
        readonlyWhen, options, decimal(validate.path("min")), decimal(validate.path("max")),
        integer(validate.path("minLength")), integer(validate.path("maxLength")),
        pattern.isEmpty() ? null : Pattern.compile(pattern),
        integer(c.path("decimalDigits")), subtype, null);
  }

  /** readonly: true or disabled: true — a display field, never submitted by form-js. */
  private static boolean fixed(JsonNode c) {
    return c.path("disabled").asBoolean(false) || c.path("readonly").isBoolean() && c.path("readonly").asBoolean();
  }

  private static FormCondition condition(JsonNode hide) {
    if (hide.isMissingNode() || hide.isNull() || hide.asText().isBlank()) {
      return null;
    }
    return FormCondition.parse(hide.asText());
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual() && !node.asText().isBlank()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        throw new UnsupportedFormException("min/max '" + node.asText() + "' is not a number");
      }
    }
    return null;
  }

  private static Integer integer(JsonNode node) {
    BigDecimal value = decimal(node);
    return value == null ? null : value.intValueExact();
  }
}
