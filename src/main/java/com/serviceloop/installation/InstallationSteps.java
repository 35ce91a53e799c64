package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.common.Moments;
import com.serviceloop.workorder.CaseOrder;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the installation's delegates and listeners read the same way: the order, a text, a moment, a user. */
final class InstallationSteps {

  private InstallationSteps() {}

  static String orderNo(VariableScope scope) {
    return CaseOrder.orderNo(scope);
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The group the model names on the step (input parameter notifyGroup): the step refuses to run without one. */
  static String notifyGroup(VariableScope scope) {
    String group = string(scope, NOTIFY_GROUP);
    if (group == null || group.isBlank()) {
      throw new IllegalStateException("The step needs the input parameter " + NOTIFY_GROUP + " (the group to tell)");
    }
    return group;
  }

  /** A moment the form must give (a Date, or an ISO-8601 string as a form submits it). */
  static Instant required(VariableScope scope, String name, ZoneId zone) {
    Instant at = Moments.toInstant(scope.getVariable(name), zone);
    if (at == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return at;
  }

  /** The engine's authenticated user completing the task (public API), or null without one. */
  static String authenticatedUser(DelegateTask task) {
    // getCurrentAuthentication() is public API; its return type lives in the engine's impl package, so only
    // its getter is used (as SubmissionGuard does)
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** A signature is the authenticated user: a handover without one is refused. */
  static String signature(DelegateTask task) {
    String user = authenticatedUser(task);
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("The cash handover needs both signatures: each is the authenticated user "
          + "who completes the task, and there is none");
    }
    return user;
  }
}
