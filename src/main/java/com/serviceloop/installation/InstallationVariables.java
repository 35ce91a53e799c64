package com.serviceloop.installation;

/** The process variables of broadband-installation (also the field keys of its forms). */
public final class InstallationVariables {

  public static final String PROCESS_ID = "broadband-installation";

  // intake (start form / POST /api/broadband-orders)
  public static final String ORDER_NO = "orderNo";
  public static final String CHANNEL = "channel";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String REGION = "region";
  public static final String COMPOUND = "compound";
  public static final String BUILDING = "building";
  public static final String ROOM = "room";
  public static final String BROADBAND_PACKAGE = "broadbandPackage";
  public static final String CONSTRUCTION_MODE = "constructionMode";
  public static final String ACCEPTED_AT = "acceptedAt";
  public static final String BUSINESS_HALL = "businessHall";
  public static final String HALL_REGION = "hallRegion";
  public static final String PAYMENT_METHOD = "paymentMethod";
  public static final String PAYMENT_AMOUNT = "paymentAmount";
  public static final String INVOICE_NO = "invoiceNo";
  public static final String CUSTOMER_SIGNED = "customerSigned";

  // decided: Task_DetermineTimeLimits maps every row installation-time-limit answers for the order
  /** The decision's rows: a list of {milestone, limit, timeMode, damagesRatePerDay}, one per milestone. */
  public static final String TIME_LIMITS = "timeLimits";
  /** Copied from the INSTALLATION row at acceptance: the liquidated damages per day late. */
  public static final String DAMAGES_RATE = "damagesRatePerDay";

  // the model's input parameters
  /** On ServiceTask_RegisterOrder: a hall order's volume coefficient in the hall's variable pay. */
  public static final String HALL_VOLUME_COEFFICIENT = "hallVolumeCoefficient";
  /** On the steps that tell staff: the group the STAFF notification goes to. */
  public static final String NOTIFY_GROUP = "notifyGroup";

  // computed
  public static final String PAID_AT_HALL = "paidAtHall";
  public static final String COVERAGE_RESULT = "coverageResult";
  public static final String EXTRACTION_DUE = "extractionDue";
  public static final String AUDIT_DUE = "auditDue";
  public static final String APPOINTMENT_DUE = "appointmentDue";
  public static final String INSTALLATION_DUE = "installationDue";
  /** How the installation promise is counted (the time-limit row's mode): its warnings are shares in it. */
  public static final String INSTALLATION_TIME_MODE = "installationTimeMode";
  /** How the extraction and appointment steps are counted: their warnings are shares in it too. */
  public static final String EXTRACTION_TIME_MODE = "extractionTimeMode";
  public static final String APPOINTMENT_TIME_MODE = "appointmentTimeMode";
  public static final String INSTALL_TARGET_DUE = "installTargetDue";
  public static final String ORDER_SYSTEM_NO = "orderSystemNo";
  public static final String RETURN_ORDER_DUE = "returnOrderDue";
  public static final String HANDOVER_DUE = "handoverDue";
  public static final String PAYMENT_REVIEW_DUE = "paymentReviewDue";
  public static final String HANDOVER_MATCHES = "handoverMatches";
  public static final String REMEDY_AMOUNT = "remedyAmount";
  /** Authenticated user ids (the engine's current authentication at completion), never typed names. */
  public static final String INSTALLED_BY = "installedBy";
  public static final String HANDOVER_INSTALLER_USER = "handoverInstallerUser";
  public static final String HANDOVER_BACK_OFFICE_USER = "handoverBackOfficeUser";

  // task forms
  public static final String EXTRACTION_NOTE = "extractionNote";
  public static final String AUDIT_RESULT = "auditResult";
  public static final String AUDIT_NOTE = "auditNote";
  public static final String APPOINTMENT_AT = "appointmentAt";
  public static final String APPOINTMENT_NOTE = "appointmentNote";
  public static final String INSTALL_OUTCOME = "installOutcome";
  public static final String RESCHEDULE_REASON = "rescheduleReason";
  public static final String NEW_APPOINTMENT_AT = "newAppointmentAt";
  public static final String ACCEPTANCE_FORM_SIGNED = "acceptanceFormSigned";
  public static final String RECEIPT_ISSUED = "receiptIssued";
  public static final String SERVICE_MANUAL_HANDED_OVER = "serviceManualHandedOver";
  public static final String ID_PHOTO_TAKEN = "idPhotoTaken";
  public static final String RETURN_NOTE = "returnNote";
  public static final String FAILURE_REASON = "failureReason";
  public static final String FAILURE_NOTE = "failureNote";
  public static final String FAILURE_NEXT_STEP = "failureNextStep";
  public static final String CORRECTION_NOTE = "correctionNote";
  public static final String INSTALLER_HANDOVER_AMOUNT = "installerHandoverAmount";
  public static final String CASH_HANDED_OVER = "cashHandedOver";
  public static final String CASH_RECEIVED = "cashReceived";
  /** The amount the back office received (the handover's amount, compared with what was collected). */
  public static final String HANDOVER_AMOUNT = "handoverAmount";
  public static final String SUPERVISION_NOTE = "supervisionNote";

  // shared contracts (return visit, escalation, breaches): com.serviceloop.workorder.CaseContracts

  /** Work-order statuses (sl_work_order.status) of an installation, in their order. */
  public static final String STATUS_ACCEPTED = "ACCEPTED";
  public static final String STATUS_ENTERED = "ENTERED";
  public static final String STATUS_APPOINTMENT_BOOKED = "APPOINTMENT_BOOKED";
  public static final String STATUS_DISPATCHED = "DISPATCHED";
  public static final String STATUS_INSTALLED = "INSTALLED";
  public static final String STATUS_PAYMENT_MISMATCH = "PAYMENT_MISMATCH";
  public static final String STATUS_CLOSED = "CLOSED";
  /** A failed visit not repeated (the closure's status). */
  public static final String STATUS_CANCELLED = "CANCELLED";

  /** The PBOSS remark of an order the customer pays on site. */
  public static final String NOT_PAID_REMARK = "400, not paid";

  /** Installation outcomes of the on-site task. */
  public static final String INSTALLED = "INSTALLED";
  public static final String RESCHEDULED = "RESCHEDULED";
  /** The visit failed (customer absent, technical problem); failureNextStep RESCHEDULE or CANCEL. */
  public static final String FAILED = "FAILED";
  public static final String NEXT_STEP_RESCHEDULE = "RESCHEDULE";
  public static final String NEXT_STEP_CANCEL = "CANCEL";
  public static final String AUDIT_IRREGULAR = "IRREGULAR";

  private InstallationVariables() {}
}
