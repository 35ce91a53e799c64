package com.serviceloop.complaint.api;

import com.serviceloop.api.ForbiddenException;
import com.serviceloop.complaint.intake.ComplaintIntake;
import com.serviceloop.complaint.intake.ComplaintIntakeValidator;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final WorkOrderRepository workOrders;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public ComplaintIntakeService(ComplaintIntakeValidator validator, ProcessEngine processEngine,
      WorkOrderRepository workOrders) {
    this.validator = validator;
    this.runtimeService = processEngine.getRuntimeService();
    this.identityService = processEngine.getIdentityService();
    this.authorizationService = processEngine.getAuthorizationService();
    this.engineConfiguration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.workOrders = workOrders;
  }

  /** The outcome of a registration: the work order as the process registered it. */
  public record Registered(String processInstanceId, WorkOrder workOrder) {}

  @Transactional
  public Registered register(Map<String, ?> input) {
    requireMayRecordComplaints();
    ComplaintIntake intake = validator.require(input, WorkOrderRepository.now());
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(intake.toProcessVariables())
        .executeWithVariablesInReturn();
    WorkOrder workOrder = registeredWorkOrder(instance);
    return new Registered(instance.getId(), workOrder);
  }

  /**
   * Answers 403 before looking at the input when the caller may not start complaints at all
   * (e.g. an auditor); the engine checks the same permission again when the process starts.
   */
  private void requireMayRecordComplaints() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ForbiddenException("Not authenticated");
    }
    if (isAdministrator(authentication)) {
      return;
    }
    boolean allowed = authorizationService.isUserAuthorized(authentication.getUserId(),
        authentication.getGroupIds(), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, PROCESS_KEY);
    if (!allowed) {
      throw new ForbiddenException("User '" + authentication.getUserId()
          + "' may not record complaints (CREATE_INSTANCE on process definition " + PROCESS_KEY + ")");
    }
  }

  /** The engine lets its administrators (camunda-admin) do anything; so does this check. */
  private boolean isAdministrator(Authentication authentication) {
    List<String> adminUsers = engineConfiguration.getAdminUsers();
    List<String> adminGroups = engineConfiguration.getAdminGroups();
    List<String> groups = authentication.getGroupIds();
    return adminUsers != null && adminUsers.contains(authentication.getUserId())
        || adminGroups != null && groups != null && groups.stream().anyMatch(adminGroups::contains);
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
