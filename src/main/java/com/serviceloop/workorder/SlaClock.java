package com.serviceloop.workorder;

import java.util.Locale;

/**
 * A clock of a work order that warns before its deadline (dmn/sla-warning.dmn, input {@code clock}) and can
 * pause (dmn/sla-pause.dmn). By convention its deadline is the work order's {@code <column>_due}, its warnings
 * the {@code <column>_warn1_at}, {@code _warn2_at}, {@code _warned_level}, {@code _warned_at} columns; in the
 * process, {@code <variable>Due}, {@code <variable>TimeMode}, {@code <variable>Warning1At}/{@code 2At} and the
 * timers {@code Timer_<Variable>Due}, {@code Timer_<Variable>Warning1}/{@code 2} (complaint-handling).
 */
public enum SlaClock {
  FIRST_CONTACT("first_contact", "firstContact", "首次联系 first contact"),
  CLOSURE("closure", "closure", "办结 closure"),
  /** A fault repair's repair clock (completion_due, the repair limit). */
  REPAIR("completion", "repair", "修复 repair"),
  /** A broadband installation's promise (装机承诺, installation_due). */
  INSTALLATION("installation", "installation", "装机 installation"),
  /** An installation's extraction step (工单提取: the back office takes a 400/website order, extraction_due). */
  EXTRACTION("extraction", "extraction", "提取预登记 extraction"),
  /** An installation's appointment step (预约: the installer books the visit, appointment_due). */
  APPOINTMENT("appointment", "appointment", "预约 appointment");

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

  /** The deadline variable ({@code firstContactDue}), a Date; {@code <it>Text} is what the forms show. */
  public String dueVariable() {
    return variable + "Due";
  }

  /** The variable holding the clock's time mode, WORKING or NATURAL (from the service-level decision). */
  public String timeModeVariable() {
    return variable + "TimeMode";
  }

  /** The variable of a warning level's share of the limit (sla-warning's output, mapped by the model). */
  public String warningShareVariable(int level) {
    return variable + "Warning" + level + "Share";
  }

  /** The variable of a warning level's moment (a Date: the warning timer's timeDate). */
  public String warningAtVariable(int level) {
    return variable + "Warning" + level + "At";
  }

  /** The boundary timers of the clock: its deadline and its two warnings. */
  public java.util.List<String> timerIds() {
    String name = Character.toUpperCase(variable.charAt(0)) + variable.substring(1);
    return java.util.List.of("Timer_" + name + "Due", "Timer_" + name + "Warning1", "Timer_" + name + "Warning2");
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
      throw new IllegalArgumentException("A clock is required: one of " + java.util.Arrays.toString(values()));
    }
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
