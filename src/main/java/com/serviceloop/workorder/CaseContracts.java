package com.serviceloop.workorder;

/**
 * The process variables a case process (installation, fault repair) shares with what it calls: the
 * return-visit call activity, the escalation messages and the breach-recording steps' input parameters.
 */
public final class CaseContracts {

  public static final String RETURN_VISIT_DUE = "returnVisitDue";
  public static final String RETURN_VISIT_OUTCOME = "returnVisitOutcome";
  public static final String ESCALATION_REASON = "escalationReason";
  public static final String ESCALATION_INSTRUCTION = "escalationInstruction";
  public static final String BREACH_REASON = "breachReason";
  public static final String BREACH_DEADLINE = "breachDeadline";

  private CaseContracts() {}
}
