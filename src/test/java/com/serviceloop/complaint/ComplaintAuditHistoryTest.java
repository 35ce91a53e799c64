package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an auditor reads of a closed complaint is all in the engine's history; the variable-update details
 * (every value a variable ever had, ACT_HI_DETAIL) are not written, nor the historic variable instances of
 * values the model's mappings create (decision outputs, kept in the decision history; input parameters, the
 * model's own) until something else writes them (operations.AuditHistory), while the history level stays
 * "full" (what existing databases hold).
 */
@ServiceLoopTest
class ComplaintAuditHistoryTest extends ComplaintProcessTestSupport {

  @Autowired IdentityService identityService;

  @Test
  void aClosedComplaintKeepsItsAuditTrailButNoVariableUpdateDetails() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    ProcessInstance visit;
    identityService.setAuthentication("audit-probe", List.of("camunda-admin"));
    try {
      handle(complaint);
      visit = returnVisit(complaint);
      answerReturnVisit(complaint, "SATISFIED");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(complaint).isEnded();
    String id = complaint.getId();

    // who completed which task, when: the operation log
    List<UserOperationLogEntry> completions = historyService.createUserOperationLogQuery().processInstanceId(id)
        .entityType("Task").operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list();
    assertThat(completions).extracting(UserOperationLogEntry::getUserId).isNotEmpty().containsOnly("audit-probe");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
        .taskDefinitionKey(ComplaintProcess.Task_ResolveComplaint).finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(ComplaintProcess.Task_ReplyToCustomer).finished().count()).isEqualTo(1);
    // the decisions that routed it and set its service level
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isPositive();
    // each variable's last value
    HistoricVariableInstance resolution = historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("resolution").singleResult();
    assertThat(resolution.getValue()).isEqualTo("已优化基站参数");
    assertThat(historicValue(id, "customerPhone")).isNotNull();
    assertThat(historicValue(id, "firstContactDue")).as("a delegate's value").isNotNull();
    // a decision's outputs are in the decision history, not again as variables; nor a step's input constants
    assertThat(jdbc.queryForList("SELECT o.VAR_NAME_ FROM ACT_HI_DEC_OUT o JOIN ACT_HI_DECINST d"
        + " ON d.ID_ = o.DEC_INST_ID_ WHERE d.PROC_INST_ID_ = ?", String.class, id))
        .contains("priority", "closureLimit", "warning2Share");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn("priority", "closureLimit", "closureWarning2Share", "repeatWindow", "clock").count())
        .isZero();
    // the return visit's answer is in its history; the copies its call handed it are the complaint's
    assertThat(historicValue(visit.getId(), "returnVisitOutcome")).isEqualTo("SATISFIED");
    assertThat(historicValue(visit.getId(), "customerPhone")).isNull();
    assertThat(historicValue(id, "returnVisitOutcome")).as("copied back by the call").isEqualTo("SATISFIED");

    // no variable-update details, and the stored history level is still full
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", Long.class, id))
        .isZero();
    assertThat(managementService.getProperties()).containsEntry("historyLevel", "3");
  }

  @Test
  void aDecisionOutputThatSomebodyChangesIsInTheHistoryWithTheirValue() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    assertThat(historicValue(complaint.getId(), "priority")).isNull();

    runtimeService.setVariable(complaint.getId(), "priority", 90); // as Cockpit's variable edit does
    assertThat(historicValue(complaint.getId(), "priority")).isEqualTo(90);
  }

  Object historicValue(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
