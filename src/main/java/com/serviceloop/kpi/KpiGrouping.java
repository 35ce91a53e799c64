package com.serviceloop.kpi;

import java.util.Arrays;
import java.util.Optional;

/** How a KPI report breaks down: by a column of the facts, or by calendar month. */
public enum KpiGrouping {
  region("w.region"),
  channel("w.channel"),
  category("w.category"),
  month(null);

  private final String column;

  KpiGrouping(String column) {
    this.column = column;
  }

  /** The fact column grouped on; null for month (cut in Java at Asia/Shanghai month boundaries). */
  String column() {
    return column;
  }

  public static Optional<KpiGrouping> byName(String name) {
    return Arrays.stream(values()).filter(g -> g.name().equals(name)).findFirst();
  }
}
