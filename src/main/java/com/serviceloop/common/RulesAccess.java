package com.serviceloop.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Evaluates a time-limit decision from inside a process step. The step runs as whoever completed the
 * task or called the API (a channel system, an installer), and the organization's rules are not theirs
 * to be authorized for: the decision is read without an authorization check, as a business rule task
 * would be. Outside a command (no engine context) the call goes through unchanged.
 */
public final class RulesAccess {

  private RulesAccess() {}

  public static <T> T evaluate(Supplier<T> evaluation) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled()) {
      return evaluation.get();
    }
    context.disableAuthorizationCheck();
    try {
      return evaluation.get();
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
