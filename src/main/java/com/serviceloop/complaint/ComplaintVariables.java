package com.serviceloop.complaint;

import com.serviceloop.sla.FirstContactCalls;
import com.serviceloop.workorder.CaseContracts;

/** The process variables of complaint-handling (the intake form, the other task forms, the decisions). */
public final class ComplaintVariables {

  // Intake fields (start form complaint-intake, POST /api/complaints): see intake.ComplaintIntakeFields
  /** The authenticated user who started the process (camunda:initiator). */
  public static final String INITIATOR = "initiator";

  public static final String ORDER_NO = "orderNo";

  // a REGULATOR referral (intake fields regulatorReference, regulatorReplyDue: see ComplaintIntakeFields)
  /** Input parameter of Task_RegisterComplaint: how far back a referral's original complaint is looked for. */
  public static final String ORIGINAL_COMPLAINT_WINDOW = "originalComplaintWindow";
  /** The customer's original complaint a referral links to (null: none found). */
  public static final String ORIGINAL_ORDER_NO = "originalOrderNo";
  /** complaint-regulator-report form: what the operator reports back to the regulator. */
  public static final String REGULATOR_REPORT = "regulatorReport";

  // complaint-routing, or the triage form
  public static final String ASSURANCE_MODULE = "assuranceModule";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String TRIAGE_NOTE = "triageNote";

  // complaint-first-contact-owner (首问负责)
  public static final String FIRST_CONTACT_GROUP = "firstContactGroup";
  /** The intake user when a member of the first-contact group, else null (the group owns it). */
  public static final String FIRST_CONTACT_USER = "firstContactUser";

  // complaint-service-level
  public static final String PRIORITY = "priority";
  public static final String FIRST_CONTACT_LIMIT = "firstContactLimit";
  public static final String FIRST_CONTACT_TIME_MODE = "firstContactTimeMode";
  public static final String CLOSURE_LIMIT = "closureLimit";
  public static final String CLOSURE_TIME_MODE = "closureTimeMode";
  public static final String REPROCESSING_LIMIT = "reprocessingLimit";
  /** Input parameter of Task_StartReprocessingRound: how the re-processing limit is counted. */
  public static final String REPROCESSING_TIME_MODE = "reprocessingTimeMode";
  public static final String RETURN_VISIT_LIMIT = "returnVisitLimit";
  public static final String INTAKE_ESCALATION = "intakeEscalation";

  // deadlines (java.util.Date)
  public static final String FIRST_CONTACT_DUE = "firstContactDue";
  public static final String CLOSURE_DUE = "closureDue";

  // SLA warnings (sla-warning via the model; dates by ComplaintDeadlines.setWarnings)
  public static final String FIRST_CONTACT_WARNING_1_AT = "firstContactWarning1At";
  public static final String FIRST_CONTACT_WARNING_2_AT = "firstContactWarning2At";
  public static final String CLOSURE_WARNING_1_AT = "closureWarning1At";
  public static final String CLOSURE_WARNING_2_AT = "closureWarning2At";
  /** What the first-contact form shows (read-only) once a warning fired. */
  public static final String SLA_WARNING_TEXT = "slaWarningText";

  // repeat complaint check (input parameter repeatWindow on Task_CheckRepeatComplaint)
  public static final String REPEAT_WINDOW = "repeatWindow";
  public static final String REPEAT_COMPLAINT = "repeatComplaint";

  // breaches (input parameters of the Record breach tasks, read by SlaBreaches as every process names them)
  public static final String BREACH_REASON = CaseContracts.BREACH_REASON;
  public static final String BREACH_DEADLINE = CaseContracts.BREACH_DEADLINE;

  // complaint-first-contact form
  public static final String CONTACT_RESULT = FirstContactCalls.CONTACT_RESULT;
  /** contactResult of a call that did not reach the customer: an attempt, never the contact. */
  public static final String NOT_REACHED = FirstContactCalls.NOT_REACHED;
  /** The first-contact calls so far, reached or not (shown on the form). */
  public static final String CONTACT_ATTEMPTS = FirstContactCalls.CONTACT_ATTEMPTS;
  /** sla-pause: how many further calls after a not-reached one (the model's business-rule task). */
  public static final String RETRY_ATTEMPTS = "retryAttempts";
  public static final String CONTACT_NOTE = "contactNote";
  public static final String NEEDS_ON_SITE_VISIT = "needsOnSiteVisit";
  public static final String APPOINTMENT_AT = "appointmentAt";
  /** The visit is later at the customer's request: the closure clock pauses until it (sla-pause LATER_APPOINTMENT). */
  public static final String LATER_AT_CUSTOMERS_REQUEST = "laterAtCustomersRequest";

  // complaint-on-site-visit form
  public static final String VISIT_NOTE = "visitNote";

  // complaint-resolution form
  public static final String RESOLUTION = "resolution";
  public static final String ROOT_CAUSE = "rootCause";
  public static final String RESPONSIBLE_PARTY = "responsibleParty";
  public static final String DISPUTED_AMOUNT = "disputedAmount";
  /** Documents requested from the customer: the closure clock pauses until they arrive (sla-pause DOCUMENTS_REQUESTED). */
  public static final String DOCUMENTS_REQUESTED = "documentsRequested";
  /** What the customer is asked for (the SMS says it). */
  public static final String DOCUMENTS_REQUESTED_NOTE = "documentsRequestedNote";

  // complaint-documents-received form
  /** When the documents arrived: the pause's real end. */
  public static final String DOCUMENTS_RECEIVED_AT = "documentsReceivedAt";
  public static final String DOCUMENTS_RECEIVED_NOTE = "documentsReceivedNote";

  // service-commitment
  public static final String COMMITMENT = "commitment";
  public static final String COMPENSATION_FACTOR = "compensationFactor";

  // complaint-reply form
  public static final String REPLY_NOTE = "replyNote";

  // return visit and closure
  public static final String RETURN_VISIT_OUTCOME = "returnVisitOutcome";
  public static final String ROUNDS = "rounds";
  /** Input parameter of the close tasks: CLOSED, CLOSED_UNREACHABLE, CLOSED_UNSATISFIED. */
  public static final String CLOSURE_STATUS = "closureStatus";

  /** Work-order status while the complaint is being handled. */
  public static final String STATUS_OPEN = "OPEN";

  private ComplaintVariables() {}
}
