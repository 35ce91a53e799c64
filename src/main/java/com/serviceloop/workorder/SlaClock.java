package com.serviceloop.workorder;

import java.util.Locale;

/**
 * A clock of a work order that warns before its deadline (dmn/sla-warning.dmn, input {@code clock}); its
 * warnings live in the work order's {@code <column>_warn1_at}, {@code _warn2_at}, {@code _warned_level},
 * {@code _warned_at} columns.
 */
public enum SlaClock {
  FIRST_CONTACT("first_contact", "firstContact", "首次联系 first contact"),
  CLOSURE("closure", "closure", "办结 closure");

  private final String column;
  private final String variable;
  private final String label;

  SlaClock(String column, String variable, String label) {
    this.column = column;
    this.variable = variable;
    this.label = label;
  }

  /**
   * The prefix of the clock's process variables: {@code <prefix>Warning1Share}, {@code …Warning1Group} (from
   * sla-warning), {@code <prefix>Warning1At}, {@code …Warning2At} (the warning timers' timeDate).
   */
  public String variable() {
    return variable;
  }

  /** The prefix of the work order's warning columns. */
  public String column() {
    return column;
  }

  /** Bilingual, as notifications and the task show it. */
  public String label() {
    return label;
  }

  public static SlaClock of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A clock is required: FIRST_CONTACT or CLOSURE");
    }
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
