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
 * (every value a variable ever had, ACT_HI_DETAIL) are not written (operations.AuditHistory), while the
 * history level stays "full" (what existing databases hold).
 */
@ServiceLoopTest
class ComplaintAuditHistoryTest extends ComplaintProcessTestSupport {

  @Autowired IdentityService identityService;

  @Test
  void aClosedComplaintKeepsItsAuditTrailButNoVariableUpdateDetails() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    identityService.setAuthentication("audit-probe", List.of("camunda-admin"));
    try {
      handle(complaint);
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

    // no variable-update details, and the stored history level is still full
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ?", Long.class, id))
        .isZero();
    assertThat(managementService.getProperties()).containsEntry("historyLevel", "3");
  }
}
