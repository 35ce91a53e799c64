package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A group that is given a task may read the case the task belongs to: READ on that one process instance
 * (resource PROCESS_INSTANCE, resource id = the task's process instance id) for each candidate group of
 * the task, granted when the task is created or its candidates change.
 *
 * <p>Why: Tasklist's cards show the filter's variables (order number, customer, category, …), which the
 * REST API reads with a variable-instance query; the engine shows a process variable to a user only with
 * READ on its process instance or READ_INSTANCE on its process definition (with
 * enforceSpecificVariablePermission: READ_INSTANCE_VARIABLE on the definition; READ_VARIABLE on a task
 * covers only the task's own local variables). The candidate group's READ on the task, which the engine
 * grants itself, covers none of them, so the cards came back empty for staff and full for administrators.
 * READ_INSTANCE on a definition would open every case of that process to every group that works on any of
 * it; this grant opens only the cases a group has been given work in.
 *
 * <p>What it allows: to read that running process instance and its variables (the same variables the
 * group's task form and GET /task/{id}/variables already show), nothing to change. The engine deletes the
 * authorization itself when the process instance ends. Directly assigned users without a candidate group
 * get nothing from here (no task of ours is assigned without one).
 */
@Component
public class CandidateGroupCaseAccess {

  private static final Object GRANTED_IN_TRANSACTION = new Object();

  private final AuthorizationService authorizationService;
  private final IdentityService identityService;

  public CandidateGroupCaseAccess(AuthorizationService authorizationService, IdentityService identityService) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
  }

  /** Every task event of every process (the Spring Boot starter's eventing, camunda.bpm.eventing.task). */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "' or #task.eventName == '"
      + TaskListener.EVENTNAME_UPDATE + "'")
  public void grantCaseRead(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null) {
      return; // a stand-alone task: no case to read
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getGroupId() != null) {
        groups.add(candidate.getGroupId());
      }
    }
    Set<String> granted = grantedInThisTransaction();
    groups.removeIf(group -> !granted.add(group + "/" + processInstanceId));
    if (groups.isEmpty()) {
      return;
    }
    // The task is created by whoever completed the previous step (a staff member, a channel system), who
    // may not manage authorizations: the engine's own default authorizations are written without a check,
    // and this is written the same way, for the length of these calls only.
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      for (String group : groups) {
        grantRead(group, processInstanceId);
      }
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private void grantRead(String groupId, String processInstanceId) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(Resources.PROCESS_INSTANCE);
      authorization.setResourceId(processInstanceId);
    } else if (authorization.isPermissionGranted(ProcessInstancePermissions.READ)) {
      return;
    }
    authorization.addPermission(ProcessInstancePermissions.READ);
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * The group/instance pairs granted in the running transaction: the authorization query reads the
   * database, which does not see an authorization inserted earlier in the same transaction (two tasks of
   * one group created together, e.g. the review's parallel actions for one department).
   */
  @SuppressWarnings("unchecked")
  private static Set<String> grantedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    Set<String> granted = (Set<String>) TransactionSynchronizationManager.getResource(GRANTED_IN_TRANSACTION);
    if (granted == null) {
      Set<String> created = new HashSet<>();
      TransactionSynchronizationManager.bindResource(GRANTED_IN_TRANSACTION, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(GRANTED_IN_TRANSACTION);
        }
      });
      granted = created;
    }
    return granted;
  }
}
