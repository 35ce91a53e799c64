package com.serviceloop.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.api.FieldError;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.submission.DeployedForm.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;

/**
 * Checks submitted variables (the engine REST API's {@code {"k": {"value": .., "type": ..}}}) against a
 * deployed form, as form-js checks them in Tasklist — and what form-js cannot stop a hand-made request
 * from doing: keys the form does not have or shows read-only, values of the wrong type, hidden fields.
 * Writes nothing; returns one error per bad field and the values it accepted, typed.
 */
@RequiredArgsConstructor
public final class FormValidator {

  /** The engine stores a String variable in a 4000-character column; longer text would fail there (500). */
  public static final int ENGINE_STRING_LIMIT = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");

  private final ZoneId zone;

  /** What the check found: the accepted values (typed) and the errors; acceptable when there are none. */
  public record Result(Map<String, Object> values, List<FieldError> errors) {
    public boolean acceptable() {
      return errors.isEmpty();
    }
  }

  /**
   * @param variables the request's variables object (may be null or missing: nothing submitted)
   * @param caseVariables the case's variables, which the form's conditions may read (as in Tasklist); read only
   *     when a condition needs a name the submitted values do not hold
   */
  public Result check(DeployedForm form, JsonNode variables, Map<String, Object> caseVariables) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> submitted = new java.util.LinkedHashSet<>();
    if (variables != null && !variables.isNull() && !variables.isMissingNode()) {
      if (!variables.isObject()) {
        errors.add(new FieldError("variables", "must be an object of {\"value\": …, \"type\": …} entries"));
        return new Result(values, errors);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        submitted.add(key);
        Field field = form.field(key);
        if (field == null) {
          errors.add(new FieldError(key, "不是此表单的字段 is not a field of this form; it cannot be submitted"));
          continue;
        }
        if (!field.editable()) {
          errors.add(new FieldError(key, field.display()
              + ": 只读字段 is shown read-only on this form; it cannot be submitted"));
          continue;
        }
        JsonNode dto = entry.getValue();
        if (dto == null || !dto.isObject()) {
          errors.add(new FieldError(key, field.display() + ": must be {\"value\": …, \"type\": …}"));
          continue;
        }
        String type = dto.path("type").isTextual() ? dto.path("type").asText() : null;
        Object value = convert(field, dto.path("value"), type, field.display(), key, errors);
        if (value != NOT_CONVERTED) {
          values.put(key, value);
        }
      }
    }
    // the case's variables only when a condition reads a name the submission does not hold (loading them
    // costs the guard an engine command)
    boolean readsCase = !values.keySet().containsAll(form.conditionNames());
    Map<String, Object> context = readsCase ? new HashMap<>(caseVariables) : new HashMap<>();
    context.putAll(values);
    checkFields(form.fields(), values, submitted, context, "", errors);
    return new Result(values, errors);
  }

  private void checkFields(List<Field> fields, Map<String, Object> values, Set<String> submitted,
      Map<String, Object> context, String prefix, List<FieldError> errors) {
    for (Field field : fields) {
      if (!field.editable()) {
        continue;
      }
      String name = prefix + field.key();
      boolean given = submitted.contains(field.key());
      Object value = values.get(field.key());
      if (field.readonlyWhen() != null && field.readonlyWhen().isTrue(context)) {
        if (given && value != null) {
          errors.add(new FieldError(name, field.display() + ": 只读 is read-only here; it cannot be submitted"));
        }
        continue;
      }
      boolean hidden = field.hide() != null && field.hide().isTrue(context);
      if (hidden) {
        if (given && !empty(field, value)) {
          errors.add(new FieldError(name, field.display()
              + ": 此情况下不显示 is not shown for these answers; it must not be submitted"));
        }
        continue;
      }
      if (!values.containsKey(field.key()) && given) {
        continue; // already refused: wrong type
      }
      if (empty(field, value)) {
        if (field.required()) {
          errors.add(new FieldError(name, field.display() + ": 必填 is required"));
        }
        continue;
      }
      checkValue(field, value, name, context, errors);
    }
  }

  private static boolean empty(Field field, Object value) {
    return value == null || value instanceof String s && s.isEmpty()
        || value instanceof List<?> list && list.isEmpty()
        || "checkbox".equals(field.type()) && Boolean.FALSE.equals(value) && field.required();
  }

  @SuppressWarnings("unchecked")
  private void checkValue(Field field, Object value, String name, Map<String, Object> context,
      List<FieldError> errors) {
    String label = field.display();
    if (value instanceof String text) {
      if (field.hasOptions() && !field.options().contains(text)) {
        errors.add(new FieldError(name, label + ": 不在选项中 must be one of " + field.options()
            + ", not \"" + abbreviate(text) + "\""));
        return;
      }
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        errors.add(new FieldError(name, label + ": 过长 must be at most " + field.maxLength()
            + " characters (" + text.length() + " given)"));
      } else if (text.length() > ENGINE_STRING_LIMIT) {
        errors.add(new FieldError(name, label + ": 过长 must be at most " + ENGINE_STRING_LIMIT
            + " characters (" + text.length() + " given)"));
      }
      if (field.minLength() != null && text.length() < field.minLength()) {
        errors.add(new FieldError(name, label + ": 过短 must be at least " + field.minLength() + " characters"));
      }
      if (field.pattern() != null && !field.pattern().matcher(text).find()) {
        errors.add(new FieldError(name, label + ": 格式不正确 does not match the pattern "
            + field.pattern().pattern()));
      }
    } else if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      if (field.min() != null && decimal.compareTo(field.min()) < 0) {
        errors.add(new FieldError(name, label + ": 不能小于 must be at least " + field.min().toPlainString()));
      }
      if (field.max() != null && decimal.compareTo(field.max()) > 0) {
        errors.add(new FieldError(name, label + ": 不能大于 must be at most " + field.max().toPlainString()));
      }
      if (field.decimalDigits() != null && Math.max(decimal.stripTrailingZeros().scale(), 0) > field.decimalDigits()) {
        errors.add(new FieldError(name, label + ": 小数位过多 must have at most " + field.decimalDigits()
            + " decimal digits"));
      }
    } else if (value instanceof List<?> list && "dynamiclist".equals(field.type())) {
      int index = 0;
      for (Object item : list) {
        Map<String, Object> itemValues = (Map<String, Object>) item;
        Map<String, Object> itemContext = new HashMap<>(context);
        itemContext.putAll(itemValues);
        checkFields(field.items(), itemValues, itemValues.keySet(), itemContext,
            name + "[" + index + "].", errors);
        index++;
      }
    } else if (value instanceof List<?> list && field.hasOptions()) {
      for (Object option : list) {
        if (!field.options().contains(option)) {
          errors.add(new FieldError(name, label + ": 不在选项中 must be some of " + field.options()
              + ", not \"" + option + "\""));
        }
      }
    }
  }

  private static final Object NOT_CONVERTED = new Object();

  /** The submitted value as the field's type, or NOT_CONVERTED (with an error) when it is not of that type. */
  private Object convert(Field field, JsonNode value, String type, String label, String name,
      List<FieldError> errors) {
    String t = type == null ? null : type.toLowerCase(java.util.Locale.ROOT);
    if (value == null || value.isMissingNode() || value.isNull() || "null".equals(t)) {
      return null;
    }
    switch (field.type()) {
      case "textfield", "textarea", "select", "radio": {
        if ((t == null || "string".equals(t)) && value.isTextual()) {
          return value.asText();
        }
        errors.add(new FieldError(name, label + ": 应为文本 must be text" + given(value, type)));
        return NOT_CONVERTED;
      }
      case "number": {
        BigDecimal number = null;
        if (value.isNumber() && (t == null || NUMBER_TYPES.contains(t))) {
          number = value.decimalValue();
        } else if (value.isTextual() && t != null && NUMBER_TYPES.contains(t)) {
          try {
            number = new BigDecimal(value.asText().strip());
          } catch (NumberFormatException e) {
            number = null;
          }
        }
        if (number == null) {
          errors.add(new FieldError(name, label + ": 应为数字 must be a number" + given(value, type)));
          return NOT_CONVERTED;
        }
        if (t != null && !"double".equals(t) && number.stripTrailingZeros().scale() > 0) {
          errors.add(new FieldError(name, label + ": 应为整数 must be a whole number for type " + type));
          return NOT_CONVERTED;
        }
        if (number.abs().compareTo(new BigDecimal("1e15")) > 0) {
          errors.add(new FieldError(name, label + ": 数值过大 is too large"));
          return NOT_CONVERTED;
        }
        return number.stripTrailingZeros().scale() <= 0 && !"double".equals(t)
            ? (Object) number.longValueExact() : (Object) number.doubleValue();
      }
      case "checkbox": {
        if (value.isBoolean() && (t == null || "boolean".equals(t))) {
          return value.asBoolean();
        }
        if (value.isTextual() && "boolean".equals(t)
            && ("true".equals(value.asText()) || "false".equals(value.asText()))) {
          return Boolean.parseBoolean(value.asText());
        }
        errors.add(new FieldError(name, label + ": 应为是/否 must be true or false" + given(value, type)));
        return NOT_CONVERTED;
      }
      case "datetime": {
        if (!value.isTextual() || !(t == null || "string".equals(t) || "date".equals(t))) {
          errors.add(new FieldError(name, label + ": 应为日期时间 must be a date-time text" + given(value, type)));
          return NOT_CONVERTED;
        }
        String text = value.asText();
        if (text.isEmpty()) {
          return text;
        }
        try {
          return switch (field.subtype()) {
            case "date" -> Date.from(LocalDate.parse(text).atStartOfDay(zone).toInstant());
            case "time" -> {
              try {
                OffsetTime.parse(text);
              } catch (DateTimeParseException e) {
                LocalTime.parse(text);
              }
              yield text;
            }
            default -> Date.from(WorkingTimeCalendar.parseMoment(text, zone));
          };
        } catch (IllegalArgumentException | DateTimeParseException e) {
          errors.add(new FieldError(name, label + ": 日期时间无法识别 is not a date-time such as "
              + "2026-11-20T17:00+08:00 (\"" + abbreviate(text) + "\" given)"));
          return NOT_CONVERTED;
        }
      }
      case "checklist", "taglist", "dynamiclist": {
        JsonNode array = value;
        if (value.isTextual() && (t == null || "json".equals(t) || "object".equals(t))) {
          try {
            array = JSON.readTree(value.asText());
          } catch (JsonProcessingException e) {
            array = null;
          }
        } else if (t != null && !"json".equals(t) && !"object".equals(t)) {
          array = null;
        }
        if (array == null || !array.isArray()) {
          errors.add(new FieldError(name, label + ": 应为列表 must be a JSON list" + given(value, type)));
          return NOT_CONVERTED;
        }
        List<Object> items = new ArrayList<>();
        int index = 0;
        for (JsonNode element : array) {
          if ("dynamiclist".equals(field.type())) {
            if (!element.isObject()) {
              errors.add(new FieldError(name + "[" + index + "]", label + ": 每项应为对象 each entry must be an object"));
              return NOT_CONVERTED;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            int before = errors.size();
            for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
              Map.Entry<String, JsonNode> entry = it.next();
              String itemName = name + "[" + index + "]." + entry.getKey();
              Field itemField = field.items().stream().filter(f -> f.key().equals(entry.getKey())).findFirst()
                  .orElse(null);
              if (itemField == null || !itemField.editable()) {
                errors.add(new FieldError(itemName, "不是此表单的字段 is not a field of this list"));
                continue;
              }
              Object converted = convert(itemField, entry.getValue(), null, itemField.display(), itemName, errors);
              if (converted != NOT_CONVERTED) {
                item.put(entry.getKey(), converted);
              }
            }
            if (errors.size() > before) {
              return NOT_CONVERTED;
            }
            items.add(item);
          } else {
            if (!element.isTextual()) {
              errors.add(new FieldError(name, label + ": 选项应为文本 each choice must be text"));
              return NOT_CONVERTED;
            }
            items.add(element.asText());
          }
          index++;
        }
        return items;
      }
      default:
        errors.add(new FieldError(name, label + ": cannot be checked (" + field.type() + ")"));
        return NOT_CONVERTED;
    }
  }

  private static String given(JsonNode value, String type) {
    return " (" + (value.isTextual() ? "\"" + abbreviate(value.asText()) + "\"" : abbreviate(value.toString()))
        + (type == null ? "" : " of type " + type) + " given)";
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
