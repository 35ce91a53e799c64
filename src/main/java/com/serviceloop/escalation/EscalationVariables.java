package com.serviceloop.escalation;

/** The process variables of escalation and of the two messages it exchanges with the work order's process. */
public final class EscalationVariables {

  /** Message that starts an escalation (business key = order number). */
  public static final String MESSAGE_ESCALATION_REQUESTED = "EscalationRequested";
  /** Message to the running chain of a work order: a new reason (escalationReason) raises it. */
  public static final String MESSAGE_ESCALATION_RAISED = "EscalationRaised";
  /** Message to the running chain of a work order: its process ended; the chain ends with it. */
  public static final String MESSAGE_ORDER_ENDED = "EscalationOrderEnded";
  /** Message that brings the supervisor's instruction back to the work order's process. */
  public static final String MESSAGE_ESCALATION_INSTRUCTION = "EscalationInstruction";

  // EscalationRequested
  public static final String ORDER_NO = "orderNo";
  /** FIRST_CONTACT_OVERDUE, CLOSURE_OVERDUE, UNSATISFIED, REPEAT_COMPLAINT, VIP, REGULATOR_REFERRAL, LEVEL_UNANSWERED, … */
  public static final String ESCALATION_REASON = "escalationReason";
  public static final String LEVEL_UNANSWERED = "LEVEL_UNANSWERED";

  /** The work order's escalation level before this step (0 = never escalated). */
  public static final String CURRENT_LEVEL = "currentLevel";

  // escalation-level
  public static final String LEVEL = "level";
  public static final String ESCALATION_GROUP = "escalationGroup";
  public static final String RESPONSE_LIMIT = "responseLimit";
  public static final String RESPONSE_TIME_MODE = "responseTimeMode";

  // Record escalation
  public static final String ESCALATION_ID = "escalationId";
  public static final String ESCALATION_DUE = "escalationDue";

  /** The level's answer deadline in the operator's zone, yyyy-MM-dd HH:mm (shown on the form). */
  public static final String ESCALATION_DUE_TEXT = "escalationDueText";
  // The work order, copied from sl_work_order when the level is recorded: the case on the supervisor's form
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CATEGORY = "category";
  public static final String DESCRIPTION = "description";

  // escalation-instruction form; these three also travel with EscalationInstruction
  public static final String ESCALATION_INSTRUCTION = "escalationInstruction";
  public static final String ESCALATION_NEW_DEADLINE = "escalationNewDeadline";
  public static final String ESCALATION_LEVEL = "escalationLevel";

  private EscalationVariables() {}
}
