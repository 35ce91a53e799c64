package com.serviceloop.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Message texts the models own: an input parameter of the task that sends the message (Modeler: the task's
 * inputs, or "Message text" of the element template Notify the customer). The engine evaluates its ${...}
 * over the process variables; {name} placeholders take what the step itself computes (e.g. {appointment},
 * the new visit time). A task without its text is a model error, never a silent default text.
 */
public final class ModelMessages {

  private ModelMessages() {}

  public static String text(DelegateExecution execution, String parameter) {
    return text(execution, parameter, Map.of());
  }

  public static String text(DelegateExecution execution, String parameter, Map<String, String> computed) {
    Object value = execution.getVariableLocal(parameter);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Task " + execution.getCurrentActivityId() + " needs its message text '"
          + parameter + "' (an input parameter in the model)");
    }
    String text = value.toString();
    for (Map.Entry<String, String> entry : computed.entrySet()) {
      text = text.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return text;
  }
}
