package com.serviceloop.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.serviceloop.common.TransactionScope;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * A group that is given a task may read the case the task belongs to: READ on that one process instance
 * (resource PROCESS_INSTANCE, resource id = the task's process instance id) for each candidate group of
 * the task, granted when the group becomes a candidate of the task — when the task is created, or later
 * through {@code addCandidateGroup} / {@code POST /task/{id}/identity-links}.
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
 * <p>How: the engine asks its authorization provider for the grants of every group identity link it adds
 * to a task ({@link EngineGrants.ServiceLoopAuthorizationProvider#newTaskGroupIdentityLink}) and
 * writes them itself, without an authorization check, in the same command. This adds the case grant to
 * them, so nothing is looked up when a task is only updated (a form submission, a claim), nor for the
 * tasks of a process instance started in the same command. Engine internals (the provider, the
 * authorization manager, the command's entity cache): there is no public API for the grants the engine
 * creates for a task.
 *
 * <p>What it allows: to read that running process instance and its variables (the same variables the
 * group's task form and GET /task/{id}/variables already show), nothing to change. The engine deletes the
 * authorization itself when the process instance ends. Directly assigned users without a candidate group
 * get nothing from here (no task of ours is assigned without one).
 */
public final class CandidateGroupCaseAccess {

  private static final Object GRANTED_IN_TRANSACTION = new Object();

  private CandidateGroupCaseAccess() {}

  /**
   * The engine's grants for a new group identity link of a task, plus READ on the task's process instance
   * when the link makes the group a candidate and the group does not have that READ yet.
   */
  static AuthorizationEntity[] withCaseRead(AuthorizationEntity[] engineGrants, Task task, String groupId,
      String type) {
    AuthorizationEntity[] grants = engineGrants == null ? new AuthorizationEntity[0] : engineGrants;
    String processInstanceId = task.getProcessInstanceId();
    if (groupId == null || processInstanceId == null || !IdentityLinkType.CANDIDATE.equals(type)) {
      return grants; // a stand-alone task has no case; an assignee/owner link is not a candidate
    }
    if (!grantedInThisTransaction().add(groupId + "/" + processInstanceId)) {
      return grants;
    }
    CommandContext command = Context.getCommandContext();
    AuthorizationEntity caseRead = startedInThisCommand(command, processInstanceId) ? null
        : command.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, groupId,
            Resources.PROCESS_INSTANCE, processInstanceId);
    if (caseRead == null) {
      caseRead = new AuthorizationEntity(AUTH_TYPE_GRANT);
      caseRead.setGroupId(groupId);
      caseRead.setResource(Resources.PROCESS_INSTANCE);
      caseRead.setResourceId(processInstanceId);
    } else if (caseRead.isPermissionGranted(ProcessInstancePermissions.READ)) {
      return grants;
    }
    caseRead.addPermission(ProcessInstancePermissions.READ);
    AuthorizationEntity[] withCase = Arrays.copyOf(grants, grants.length + 1);
    withCase[grants.length] = caseRead;
    return withCase;
  }

  /**
   * Whether the process instance was started in this engine command and is not in the database yet (its
   * execution is a new entity of the command's entity cache): then no authorization on it can exist there,
   * and the lookup is left out (the tasks a start creates, e.g. a complaint's first task).
   */
  private static boolean startedInThisCommand(CommandContext command, String processInstanceId) {
    DbEntityCache cache = command.getDbEntityManager().getDbEntityCache();
    ExecutionEntity instance = cache.get(ExecutionEntity.class, processInstanceId);
    return instance != null && cache.isTransient(instance);
  }

  /**
   * The group/instance pairs granted in the running transaction: the authorization lookup reads the
   * database, which does not see an authorization inserted earlier in the same transaction (two tasks of
   * one group created together, e.g. the review's parallel actions for one department).
   */
  private static Set<String> grantedInThisTransaction() {
    Set<String> granted = TransactionScope.get(GRANTED_IN_TRANSACTION, HashSet::new);
    return granted == null ? new HashSet<>() : granted;
  }

}
