package com.serviceloop.kpi;

import java.util.List;

/** Bad input to the KPI API: answered 400 with one message per field. */
public class InvalidKpiRequest extends RuntimeException {

  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidKpiRequest(List<FieldProblem> problems) {
    super("Invalid request: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
