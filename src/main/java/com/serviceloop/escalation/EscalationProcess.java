package com.serviceloop.escalation;

/** processes/escalation.bpmn: the process id and the element ids tests and code refer to. */
public final class EscalationProcess {

  public static final String PROCESS_ID = "escalation";

  public static final String StartEvent_EscalationRequested = "StartEvent_EscalationRequested";
  public static final String Task_ReadCurrentLevel = "Task_ReadCurrentLevel";
  public static final String Task_DetermineLevel = "Task_DetermineLevel";
  public static final String Task_RecordEscalation = "Task_RecordEscalation";
  public static final String Task_SuperviseEscalation = "Task_SuperviseEscalation";
  public static final String Timer_LevelUnanswered = "Timer_LevelUnanswered";
  public static final String Task_GoUpALevel = "Task_GoUpALevel";
  public static final String Task_ReturnInstruction = "Task_ReturnInstruction";
  public static final String EndEvent_InstructionReturned = "EndEvent_InstructionReturned";
  public static final String SubProcess_EscalationChain = "SubProcess_EscalationChain";
  public static final String Boundary_EscalationRaised = "Boundary_EscalationRaised";
  public static final String Task_RaiseChain = "Task_RaiseChain";
  public static final String Boundary_OrderEnded = "Boundary_OrderEnded";
  public static final String Task_CloseChain = "Task_CloseChain";
  public static final String EndEvent_EndedWithOrder = "EndEvent_EndedWithOrder";

  private EscalationProcess() {}
}
