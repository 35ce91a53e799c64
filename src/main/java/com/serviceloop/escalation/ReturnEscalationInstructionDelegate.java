package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Return instruction: the supervisor's answer is recorded on its sl_escalation row and sent to every
 * process of the work order waiting for it (message EscalationInstruction, by business key), with
 * escalationInstruction, escalationNewDeadline (a Date, or null) and escalationLevel.
 */
@Component("returnEscalationInstruction")
@RequiredArgsConstructor
public class ReturnEscalationInstructionDelegate implements JavaDelegate {

  private final EscalationRepository escalations;
  private final WorkingTimeCalendar calendar;
  private final RuntimeService runtimeService;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    String instruction = (String) execution.getVariable(ESCALATION_INSTRUCTION);
    Object given = execution.getVariable(ESCALATION_NEW_DEADLINE);
    Instant newDeadline = given == null || given instanceof String s && s.isBlank() ? null : calendar.toInstant(given);
    escalations.answer(((Number) execution.getVariable(ESCALATION_ID)).longValue(), WorkOrderRepository.now(),
        instruction, newDeadline);
    runtimeService.createMessageCorrelation(MESSAGE_ESCALATION_INSTRUCTION)
        .processInstanceBusinessKey(orderNo)
        .setVariable(ESCALATION_INSTRUCTION, instruction)
        .setVariable(ESCALATION_NEW_DEADLINE, newDeadline == null ? null : Date.from(newDeadline))
        .setVariable(ESCALATION_LEVEL, execution.getVariable(LEVEL))
        .correlateAll();
  }
}
