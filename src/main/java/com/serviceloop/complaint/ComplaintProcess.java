package com.serviceloop.complaint;

/** processes/complaint-handling.bpmn: the process id and the element ids tests and code refer to. */
public final class ComplaintProcess {

  public static final String PROCESS_ID = "complaint-handling";

  public static final String StartEvent_ComplaintReceived = "StartEvent_ComplaintReceived";
  public static final String Task_RegisterComplaint = "Task_RegisterComplaint";
  public static final String Task_RouteComplaint = "Task_RouteComplaint";
  public static final String Gateway_Routed = "Gateway_Routed";
  public static final String Task_TriageComplaint = "Task_TriageComplaint";
  public static final String Task_DetermineFirstContactOwner = "Task_DetermineFirstContactOwner";
  public static final String Task_RecordAssignment = "Task_RecordAssignment";
  public static final String Task_DetermineServiceLevel = "Task_DetermineServiceLevel";
  public static final String Task_ComputeDeadlines = "Task_ComputeDeadlines";
  public static final String Task_CheckRepeatComplaint = "Task_CheckRepeatComplaint";
  public static final String Gateway_EscalateAtIntake = "Gateway_EscalateAtIntake";
  public static final String Task_EscalateAtIntake = "Task_EscalateAtIntake";
  public static final String SubProcess_HandleComplaint = "SubProcess_HandleComplaint";
  public static final String Gateway_FirstRound = "Gateway_FirstRound";
  public static final String SubProcess_FirstContact = "SubProcess_FirstContact";
  public static final String Task_FirstContact = "Task_FirstContact";
  public static final String Gateway_CustomerReached = "Gateway_CustomerReached";
  public static final String Task_DetermineCallAgain = "Task_DetermineCallAgain";
  public static final String Task_PauseSlaClocks = "Task_PauseSlaClocks";
  public static final String Timer_WaitToCallAgain = "Timer_WaitToCallAgain";
  public static final String Task_RecordCustomerUnreachable = "Task_RecordCustomerUnreachable";
  public static final String Task_NotifyUnreachable = "Task_NotifyUnreachable";
  public static final String EndEvent_CustomerUnreachable = "EndEvent_CustomerUnreachable";
  public static final String Timer_FirstContactDue = "Timer_FirstContactDue";
  public static final String Task_RecordFirstContactBreach = "Task_RecordFirstContactBreach";
  public static final String Task_EscalateFirstContactOverdue = "Task_EscalateFirstContactOverdue";
  public static final String Task_RecordFirstContact = "Task_RecordFirstContact";
  public static final String Gateway_OnSiteVisit = "Gateway_OnSiteVisit";
  public static final String Task_VisitCustomer = "Task_VisitCustomer";
  public static final String Task_ResolveComplaint = "Task_ResolveComplaint";
  public static final String Gateway_DocumentsRequested = "Gateway_DocumentsRequested";
  public static final String Task_DetermineDocumentsPause = "Task_DetermineDocumentsPause";
  public static final String Task_PauseForDocuments = "Task_PauseForDocuments";
  public static final String Task_NotifyDocumentsRequested = "Task_NotifyDocumentsRequested";
  public static final String Task_RecordDocumentsReceived = "Task_RecordDocumentsReceived";
  public static final String Timer_DocumentsDue = "Timer_DocumentsDue";
  public static final String Task_ResumeSlaClocks = "Task_ResumeSlaClocks";
  public static final String Task_ApplyServiceCommitment = "Task_ApplyServiceCommitment";
  public static final String Task_RecordResolution = "Task_RecordResolution";
  public static final String Task_ReplyToCustomer = "Task_ReplyToCustomer";
  public static final String Timer_ClosureDue = "Timer_ClosureDue";
  public static final String Task_DetermineFirstContactWarnings = "Task_DetermineFirstContactWarnings";
  public static final String Task_DetermineClosureWarnings = "Task_DetermineClosureWarnings";
  public static final String Timer_FirstContactWarning1 = "Timer_FirstContactWarning1";
  public static final String Timer_FirstContactWarning2 = "Timer_FirstContactWarning2";
  public static final String Task_RecordFirstContactWarning1 = "Task_RecordFirstContactWarning1";
  public static final String Task_RecordFirstContactWarning2 = "Task_RecordFirstContactWarning2";
  public static final String Timer_ClosureWarning1 = "Timer_ClosureWarning1";
  public static final String Timer_ClosureWarning2 = "Timer_ClosureWarning2";
  public static final String Task_RecordClosureWarning1 = "Task_RecordClosureWarning1";
  public static final String Task_RecordClosureWarning2 = "Task_RecordClosureWarning2";
  public static final String Task_RecordClosureBreach = "Task_RecordClosureBreach";
  public static final String Task_EscalateClosureOverdue = "Task_EscalateClosureOverdue";
  public static final String Gateway_RegulatorReferral = "Gateway_RegulatorReferral";
  public static final String Task_ReportToRegulator = "Task_ReportToRegulator";
  public static final String Timer_RegulatorReplyDue = "Timer_RegulatorReplyDue";
  public static final String Task_RecordRegulatorReplyBreach = "Task_RecordRegulatorReplyBreach";
  public static final String Task_RecordRegulatorReport = "Task_RecordRegulatorReport";
  public static final String Task_ReturnVisit = "Task_ReturnVisit";
  public static final String Gateway_CustomerSatisfied = "Gateway_CustomerSatisfied";
  public static final String Task_CloseComplaint = "Task_CloseComplaint";
  public static final String EndEvent_ComplaintClosed = "EndEvent_ComplaintClosed";
  public static final String Task_CloseUnreachable = "Task_CloseUnreachable";
  public static final String EndEvent_ClosedUnreachable = "EndEvent_ClosedUnreachable";
  public static final String Gateway_AnotherRound = "Gateway_AnotherRound";
  public static final String Task_CloseUnsatisfied = "Task_CloseUnsatisfied";
  public static final String EndEvent_ClosedUnsatisfied = "EndEvent_ClosedUnsatisfied";
  public static final String Task_StartReprocessingRound = "Task_StartReprocessingRound";
  public static final String Task_EscalateUnsatisfied = "Task_EscalateUnsatisfied";
  public static final String SubProcess_EscalationInstruction = "SubProcess_EscalationInstruction";
  public static final String Task_ApplyInstruction = "Task_ApplyInstruction";

  private ComplaintProcess() {}
}
