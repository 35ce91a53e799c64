package com.serviceloop.kpi;

import java.math.BigDecimal;

/** A KPI's target: at least (">= 0.96") or at most ("<= 0.30") a value. */
public record KpiTarget(String operator, BigDecimal value) {

  public static KpiTarget parse(String text) {
    String t = text.trim();
    if (t.startsWith(">=") || t.startsWith("<=")) {
      return new KpiTarget(t.substring(0, 2), new BigDecimal(t.substring(2).trim()));
    }
    throw new IllegalArgumentException("A KPI target reads '>= 0.96' or '<= 0.30', not '" + text + "'");
  }

  public boolean metBy(BigDecimal actual) {
    int c = actual.compareTo(value);
    return ">=".equals(operator) ? c >= 0 : c <= 0;
  }

  @Override
  public String toString() {
    return operator + " " + value.toPlainString();
  }
}
