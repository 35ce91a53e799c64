package com.serviceloop.security;

import static com.serviceloop.security.ServiceLoopGroups.*;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.serviceloop.security.ServiceLoopGroups.GroupDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The groups, authorizations and Tasklist filters of docs/security.md, created at start-up in every
 * profile and brought up to date on every start (idempotent: permissions are only ever added, never
 * duplicated). Demo users — one per group, password "demo" — only when serviceloop.demo-users=true.
 *
 * <ul>
 *   <li>Staff groups: Tasklist access, READ on all process definitions, their own Tasklist filter.
 *       Tasks reach them through candidate groups: the engine grants a candidate group READ and
 *       UPDATE on the task itself (default authorization provider).</li>
 *   <li>Intake groups (hotline, business-hall, back-office, channel-systems): may start the complaint,
 *       installation and fault-repair processes and evaluate the complaint-template catalogue.</li>
 *   <li>Auditors: Cockpit, and read-only access to definitions, instances, tasks, deployments and
 *       history — nothing else.</li>
 * </ul>
 */
@Component
public class IdentitySetup implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  public static final String DEMO_PASSWORD = "demo";
  public static final String MY_TASKS_FILTER = "我的任务 My tasks";
  /** Tasklist opens the filter with the lowest priority: staff land on their group's queue, most urgent first. */
  private static final int GROUP_QUEUE_FIRST = 0;
  static final String ANY = Authorization.ANY;
  /** Shown for each task in Tasklist's list: which work order, whose, what about. */
  static final List<Map<String, String>> TASK_LIST_VARIABLES = List.of(
      Map.of("name", "orderNo", "label", "工单号 Order"),
      Map.of("name", "customerName", "label", "客户 Customer"),
      Map.of("name", "category", "label", "类别 Category"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final boolean demoUsers;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService,
      @Value("${serviceloop.demo-users:false}") boolean demoUsers) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.demoUsers = demoUsers;
  }

  @Override
  public void afterPropertiesSet() {
    for (GroupDefinition group : ALL) {
      ensureGroup(group);
      if (group.staff()) {
        grantStaff(group);
      }
    }
    for (String group : INTAKE_GROUPS) {
      grantIntake(group);
    }
    grantAuditors();
    grantProcessOwners();
    ensureMyTasksFilter();
    if (demoUsers) {
      for (GroupDefinition group : ALL) {
        ensureDemoUser(group);
      }
    }
    LOG.info("Identity set up: {} groups{}", ALL.size(), demoUsers ? ", demo users (password 'demo')" : "");
  }

  private void ensureGroup(GroupDefinition definition) {
    Group group = identityService.createGroupQuery().groupId(definition.id()).singleResult();
    if (group == null) {
      group = identityService.newGroup(definition.id());
    } else if (definition.name().equals(group.getName()) && definition.type().equals(group.getType())) {
      return;
    }
    group.setName(definition.name());
    group.setType(definition.type());
    identityService.saveGroup(group);
  }

  private void grantStaff(GroupDefinition group) {
    grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(group.id(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    Filter filter = ensureFilter(group.filterName(), "Tasks for " + group.id() + " (candidate group)",
        taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks()
            .orderByTaskPriority().desc().orderByDueDate().asc(),
        GROUP_QUEUE_FIRST);
    grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grantIntake(String group) {
    for (String processKey : STARTED_BY_INTAKE) {
      grant(group, Resources.PROCESS_DEFINITION, processKey,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // The intake API validates the category against the deployed complaint-template decision.
    grant(group, Resources.DECISION_DEFINITION, "complaint-template",
        Permissions.READ, Permissions.CREATE_INSTANCE);
  }

  private void grantAuditors() {
    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ,
        Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(AUDITORS, Resources.TASK, ANY, TaskPermissions.READ);
    grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    // the user operation log: who completed, claimed, changed what (the audit trail)
    grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
  }

  /**
   * Process owners deploy from Camunda Modeler (DEPLOYMENT create/delete; nobody else but administrators
   * may), read what runs in Cockpit and migrate running cases to a new version (docs/decisions.md).
   */
  private void grantProcessOwners() {
    grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(PROCESS_OWNERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(PROCESS_OWNERS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
  }

  private void ensureMyTasksFilter() {
    Filter filter = ensureFilter(MY_TASKS_FILTER, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        GROUP_QUEUE_FIRST + 10);
    for (GroupDefinition group : ALL) {
      if (group.staff()) {
        grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private Filter ensureFilter(String name, String description, TaskQuery query, int priority) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
        "variables", TASK_LIST_VARIABLES));
    return filterService.saveFilter(filter);
  }

  /** Adds the permissions to the group's GRANT authorization on that resource (created if missing). */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else {
      Authorization existing = authorization;
      if (Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
        return;
      }
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureDemoUser(GroupDefinition group) {
    String userId = group.demoUser();
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      user.setFirstName(group.name().split(" ", 2)[0]);
      user.setLastName("Demo " + userId);
      user.setEmail(userId + "@serviceloop.example");
      user.setPassword(DEMO_PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() == 0) {
      identityService.createMembership(userId, group.id());
    }
  }

  /** The demo users and their groups, for documentation and tests. */
  public static List<String[]> demoUsers() {
    return ALL.stream().map(g -> new String[] {g.demoUser(), g.id()}).toList();
  }
}
