package com.serviceloop.workorder;

/** The kinds of work order, each with its own order-number prefix. */
public enum OrderType {
  COMPLAINT("CMP"),
  INSTALLATION("INS"),
  FAULT_REPAIR("FLT");

  private final String prefix;

  OrderType(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}
