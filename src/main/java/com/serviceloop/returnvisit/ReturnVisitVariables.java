package com.serviceloop.returnvisit;

/** The process variables of return-visit: what the caller passes in, the form, what goes back. */
public final class ReturnVisitVariables {

  // in (call activity)
  public static final String ORDER_NO = "orderNo";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String RETURN_VISIT_GROUP = "returnVisitGroup";
  public static final String RETURN_VISIT_DUE = "returnVisitDue";

  // the return-visit form; RETURN_VISIT_OUTCOME also goes back out
  public static final String RETURN_VISIT_OUTCOME = "returnVisitOutcome";
  public static final String RETURN_VISIT_COMMENT = "returnVisitComment";

  /** Calls made so far; another call only while below maxAttempts (input parameter in the model). */
  public static final String RETURN_VISIT_ATTEMPTS = "returnVisitAttempts";
  public static final String MAX_ATTEMPTS = "maxAttempts";

  public static final String SATISFIED = "SATISFIED";
  public static final String UNSATISFIED = "UNSATISFIED";
  public static final String UNREACHABLE = "UNREACHABLE";

  private ReturnVisitVariables() {}
}
