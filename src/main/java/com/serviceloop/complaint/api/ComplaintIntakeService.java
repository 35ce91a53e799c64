package com.serviceloop.complaint.api;

import com.serviceloop.api.ForbiddenException;
import com.serviceloop.complaint.intake.ComplaintIntake;
import com.serviceloop.complaint.intake.ComplaintIntakeFields;
import com.serviceloop.complaint.intake.ComplaintIntakeValidator;
import com.serviceloop.complaint.intake.RegulatorReferrals;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a complaint that a channel system or an agent posts: checks that the caller may start
 * complaint-handling, validates every field, starts the process as the authenticated user (who
 * becomes its initiator, the first-contact owner) and reads the registered work order back.
 * One transaction: the process instance and its work-order row exist together or not at all.
 */
@Service
public class ComplaintIntakeService {

  public static final String PROCESS_KEY = "complaint-handling";
  /** The variable the process's register step sets to the new work order's number. */
  static final String ORDER_NO = "orderNo";

  private final ComplaintIntakeValidator validator;
  private final RuntimeService runtimeService;
  private final WorkOrderRepository workOrders;
  private final ApiCaller caller;

  public ComplaintIntakeService(ComplaintIntakeValidator validator, RuntimeService runtimeService,
      WorkOrderRepository workOrders, ApiCaller caller) {
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.workOrders = workOrders;
    this.caller = caller;
  }

  /** The outcome of a registration: the work order as the process registered it. */
  public record Registered(String processInstanceId, WorkOrder workOrder) {}

  @Transactional
  public Registered register(Map<String, ?> input) {
    caller.requireMayStart(PROCESS_KEY, "record complaints");
    requireMayRecordReferral(input);
    ComplaintIntake intake = validator.require(input, WorkOrderRepository.now(), ComplaintIntakeValidator.Source.JSON);
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(intake.toProcessVariables())
        .executeWithVariablesInReturn();
    WorkOrder workOrder = registeredWorkOrder(instance);
    return new Registered(instance.getId(), workOrder);
  }

  /** A REGULATOR referral may be recorded only by service supervision or a channel system: 403 for anyone else. */
  private void requireMayRecordReferral(Map<String, ?> input) {
    if (RegulatorReferrals.CHANNEL.equals(input.get(ComplaintIntakeFields.CHANNEL))
        && !caller.isInAnyGroup(RegulatorReferrals.GROUPS.toArray(String[]::new))) {
      throw new ForbiddenException(RegulatorReferrals.REFUSED);
    }
  }

  private WorkOrder registeredWorkOrder(ProcessInstanceWithVariables instance) {
    Object orderNo = instance.getVariables().get(ORDER_NO);
    if (orderNo == null) {
      orderNo = instance.getBusinessKey();
    }
    var found = orderNo != null
        ? workOrders.find(orderNo.toString())
        : workOrders.findByProcessInstanceId(instance.getId());
    // The register step runs synchronously in this transaction; without a work order the process
    // model is broken, and failing here rolls the new instance back.
    return found.orElseThrow(() -> new IllegalStateException(
        PROCESS_KEY + " did not register a work order for process instance " + instance.getId()));
  }
}
