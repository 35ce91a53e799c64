package com.serviceloop.common;

import java.util.ArrayList;
import java.util.List;

/** For process-engine plugins: the engine's lists of custom parts may be null before the first is added. */
public final class EnginePlugins {

  private EnginePlugins() {}

  /** A copy of the engine's list (or a new one) with the item added at its end. */
  public static <T> List<T> append(List<T> list, T item) {
    List<T> result = list == null ? new ArrayList<>() : new ArrayList<>(list);
    result.add(item);
    return result;
  }
}
