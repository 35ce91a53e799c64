package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record assignment: the responsible group (from complaint-routing or triage) and the first-contact
 * owner (首问负责) on the work order. complaint-first-contact-owner names the channel's group; the
 * owner is the intake user (the Tasklist agent or the API's channel user) when that user belongs to
 * the group, so the reply comes back to them; otherwise the group owns it.
 */
@Component("recordAssignment")
@RequiredArgsConstructor
public class RecordAssignmentDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final IdentityService identityService;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    String group = (String) execution.getVariable(FIRST_CONTACT_GROUP);
    String initiator = (String) execution.getVariable(INITIATOR);
    boolean initiatorInGroup = initiator != null && group != null
        && identityService.createGroupQuery().groupMember(initiator).groupId(group).count() > 0;
    String user = initiatorInGroup ? initiator : null;
    execution.setVariable(FIRST_CONTACT_USER, user);
    workOrders.changes(orderNo)
        .routing((String) execution.getVariable(ASSURANCE_MODULE), (String) execution.getVariable(RESPONSIBLE_GROUP))
        .firstContactOwner(user != null ? user : group)
        .apply();
  }
}
