package com.serviceloop.faultrepair;

import com.serviceloop.sla.FirstContactCalls;

/** The process variables of fault-repair (also the field keys of its forms). */
public final class FaultVariables {

  public static final String PROCESS_ID = "fault-repair";
  /** The work order's category. */
  public static final String CATEGORY = "FAULT";

  // work order statuses along the process
  public static final String STATUS_RECEIVED = "RECEIVED";
  public static final String STATUS_CONTACTED = "CONTACTED";
  public static final String STATUS_APPOINTMENT_BOOKED = "APPOINTMENT_BOOKED";
  public static final String STATUS_REPAIRED = "REPAIRED";
  public static final String STATUS_CLOSED = "CLOSED";

  // intake (start form / POST /api/fault-reports)
  public static final String ORDER_NO = "orderNo";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String REGION = "region";
  public static final String AREA = "area";
  public static final String SERVICE = "service";
  public static final String CHANNEL = "channel";
  public static final String DESCRIPTION = "description";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String CUSTOMER_SEGMENT = "customerSegment";

  // from dmn/fault-repair-time-limit.dmn
  public static final String FIRST_CONTACT_DUE = "firstContactDue";
  public static final String REPAIR_DUE = "repairDue";
  /** How the repair limit is counted (WORKING, NATURAL): its warnings are shares in this mode. */
  public static final String REPAIR_TIME_MODE = "repairTimeMode";
  public static final String PRIORITY = "priority";
  public static final String CONTACT_GROUP = "contactGroup";
  public static final String RETURN_ORDER_LIMIT = "returnOrderLimit";
  public static final String RETURN_VISIT_LIMIT = "returnVisitLimit";
  public static final String RETURN_ORDER_DUE = "returnOrderDue";

  // task forms
  public static final String CONTACT_RESULT = FirstContactCalls.CONTACT_RESULT;
  /** contactResult of a call that did not reach the customer: an attempt, not the contact. */
  public static final String NOT_REACHED = FirstContactCalls.NOT_REACHED;
  /** The first-contact calls so far, reached or not. */
  public static final String CONTACT_ATTEMPTS = FirstContactCalls.CONTACT_ATTEMPTS;
  /** How the first-contact limit is counted (WORKING, NATURAL): a pause moves the deadline in this mode. */
  public static final String FIRST_CONTACT_TIME_MODE = "firstContactTimeMode";
  public static final String CONTACT_NOTE = "contactNote";
  public static final String RESOLVED_REMOTELY = "resolvedRemotely";
  public static final String RESOLUTION_NOTE = "resolutionNote";
  public static final String APPOINTMENT_AT = "appointmentAt";
  public static final String REPAIR_NOTE = "repairNote";
  public static final String FAULT_CAUSE = "faultCause";
  public static final String RETURN_NOTE = "returnNote";

  // shared contracts (return visit, escalation, breaches): com.serviceloop.workorder.CaseContracts
  /** The breach reason (input parameter in the model) that owes the customer a fee reduction. */
  public static final String REPAIR_OVERDUE = "REPAIR_OVERDUE";

  private FaultVariables() {}
}
