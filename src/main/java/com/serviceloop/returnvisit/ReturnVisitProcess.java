package com.serviceloop.returnvisit;

/** processes/return-visit.bpmn: the process id and the element ids tests and code refer to. */
public final class ReturnVisitProcess {

  public static final String PROCESS_ID = "return-visit";

  public static final String SubProcess_ReachCustomer = "SubProcess_ReachCustomer";
  public static final String Task_CallCustomer = "Task_CallCustomer";
  public static final String Task_RecordOutcome = "Task_RecordOutcome";
  public static final String Gateway_CallAgain = "Gateway_CallAgain";
  public static final String Timer_WaitBeforeCallingAgain = "Timer_WaitBeforeCallingAgain";
  public static final String EndEvent_ReturnVisitDone = "EndEvent_ReturnVisitDone";

  private ReturnVisitProcess() {}
}
