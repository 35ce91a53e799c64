package com.serviceloop.submission;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A case's variables, read from the engine the first time anything asks for them: most completions are
 * checked without them (their form's conditions read only submitted fields, and their rules read none), and
 * reading them is an engine command of its own (task, execution, definition, the variables of each scope).
 * Read-only.
 */
final class LazyVariables extends AbstractMap<String, Object> {

  private final Supplier<Map<String, Object>> read;
  private Map<String, Object> variables;

  LazyVariables(Supplier<Map<String, Object>> read) {
    this.read = read;
  }

  private Map<String, Object> variables() {
    if (variables == null) {
      variables = Collections.unmodifiableMap(new HashMap<>(read.get())); // values may be null
    }
    return variables;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return variables().entrySet();
  }

  @Override
  public Object get(Object key) {
    return variables().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return variables().containsKey(key);
  }
}
