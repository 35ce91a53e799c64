package com.serviceloop.security;

import static com.serviceloop.security.ServiceLoopGroups.*;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.serviceloop.security.ServiceLoopGroups.GroupDefinition;
import com.serviceloop.webapps.WebappProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The groups, authorizations and Tasklist filters of docs/security.md, created at start-up in every
 * profile and brought up to date on every start (idempotent: permissions are only ever added, never
 * duplicated). Demo users — one per group, password "demo" — only when serviceloop.demo-users=true.
 *
 * <p>One transaction, and what exists is read once (groups, their GRANT authorizations, the filters, the demo
 * users and their memberships: five queries); only what is missing or differs is written, so a restart where
 * everything is in place writes nothing.
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
  /**
   * Shown for each task in Tasklist's list: which work order, whose, what about (a complaint's category,
   * an installation's package, a fault's service; a card shows those its case has). Staff read them
   * through CandidateGroupCaseAccess.
   */
  static final List<Map<String, String>> TASK_LIST_VARIABLES = List.of(
      Map.of("name", "orderNo", "label", "工单号 Order"),
      Map.of("name", "customerName", "label", "客户 Customer"),
      Map.of("name", "category", "label", "类别 Category"),
      Map.of("name", "broadbandPackage", "label", "宽带套餐 Package"),
      Map.of("name", "service", "label", "业务 Service"),
      Map.of("name", "region", "label", "区域 Region"));
  /** The network group's queue of one region: after the whole queue in Tasklist's list of filters. */
  private static final int REGION_QUEUES = GROUP_QUEUE_FIRST + 1;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final boolean demoUsers;
  private final WebappProperties webapps;
  private final TransactionTemplate transaction;
  private final ObjectMapper json = new ObjectMapper();

  /** What exists, read once per run, and what the run wrote. */
  private Map<String, Group> groups;
  private Map<String, Authorization> grants;
  private Map<String, Filter> filters;
  private int writtenGroups;
  private int writtenAuthorizations;
  private int writtenFilters;
  private int writtenUsers;
  private int writtenMemberships;

  /** What one run of the set-up wrote: all zero when everything was already in place. */
  public record Changes(int groups, int authorizations, int filters, int users, int memberships) {
    public int total() {
      return groups + authorizations + filters + users + memberships;
    }
  }

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService,
      @Value("${serviceloop.demo-users:false}") boolean demoUsers, WebappProperties webapps,
      PlatformTransactionManager transactionManager) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.demoUsers = demoUsers;
    this.webapps = webapps;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void afterPropertiesSet() {
    setUp();
  }

  /** Creates what is missing, brings what differs up to date, and answers what it wrote. */
  public synchronized Changes setUp() {
    return transaction.execute(status -> {
      writtenGroups = writtenAuthorizations = writtenFilters = writtenUsers = writtenMemberships = 0;
      readExisting();
      createAndGrant();
      Changes done = new Changes(writtenGroups, writtenAuthorizations, writtenFilters, writtenUsers,
          writtenMemberships);
      groups = null;
      grants = null;
      filters = null;
      LOG.info("Identity set up: {} groups{}; written: {} groups, {} authorizations, {} filters, {} users, "
          + "{} memberships", ALL.size(), demoUsers ? ", demo users (password 'demo')" : "", done.groups(),
          done.authorizations(), done.filters(), done.users(), done.memberships());
      return done;
    });
  }

  private void readExisting() {
    String[] ids = ALL.stream().map(GroupDefinition::id).toArray(String[]::new);
    groups = identityService.createGroupQuery().groupIdIn(ids).list().stream()
        .collect(Collectors.toMap(Group::getId, g -> g, (a, b) -> a));
    grants = new HashMap<>();
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(ids).list()) {
      grants.putIfAbsent(grantKey(authorization.getGroupId(), authorization.getResourceType(),
          authorization.getResourceId()), authorization);
    }
    filters = new HashMap<>();
    for (Filter filter : filterService.createFilterQuery().orderByFilterId().asc().list()) {
      filters.putIfAbsent(filter.getName(), filter);
    }
  }

  private static String grantKey(String groupId, int resourceType, String resourceId) {
    return groupId + "/" + resourceType + "/" + resourceId;
  }

  private void createAndGrant() {
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
    grantReviewStart();
    ensureMyTasksFilter();
    ensureNetworkRegionFilters();
    if (demoUsers) {
      ensureDemoUsers();
    }
  }

  private void ensureGroup(GroupDefinition definition) {
    Group group = groups.get(definition.id());
    if (group == null) {
      group = identityService.newGroup(definition.id());
    } else if (definition.name().equals(group.getName()) && definition.type().equals(group.getType())) {
      return;
    }
    group.setName(definition.name());
    group.setType(definition.type());
    identityService.saveGroup(group);
    writtenGroups++;
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

  /** Service supervision starts the monthly review of a chosen past month (Tasklist start form, API). */
  private void grantReviewStart() {
    grant(SERVICE_SUPERVISION, Resources.PROCESS_DEFINITION, "monthly-service-review",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(SERVICE_SUPERVISION, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
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

  /**
   * One filter per region for network staff (serviceloop.webapps.network-regions): the network queue where
   * the order's {@code region} variable is that region. A variable, not a group per region: the contracts
   * have one network group, installation and fault-repair orders both carry {@code region}, and a new
   * region needs one line of configuration instead of a group, its members and BPMN expressions. The
   * filter sorts; it does not fence: every network member still sees the whole network queue.
   */
  private void ensureNetworkRegionFilters() {
    for (String region : webapps.networkRegions()) {
      Filter filter = ensureFilter(networkRegionFilterName(region), "Network tasks in " + region,
          taskService.createTaskQuery().taskCandidateGroup(NETWORK).includeAssignedTasks()
              .processVariableValueEquals("region", region)
              .orderByTaskPriority().desc().orderByDueDate().asc(),
          REGION_QUEUES);
      grant(NETWORK, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  public static String networkRegionFilterName(String region) {
    return "网络 · " + region;
  }

  private Filter ensureFilter(String name, String description, TaskQuery query, int priority) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", TASK_LIST_VARIABLES);
    Filter existing = filters.get(name);
    if (existing != null) {
      Filter wanted = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
      if (sameJson(existing, wanted)) {
        return existing;
      }
    }
    Filter filter = existing != null ? existing : filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(properties);
    Filter saved = filterService.saveFilter(filter);
    filters.put(name, saved);
    writtenFilters++;
    return saved;
  }

  /**
   * The stored filter's query and properties against the wanted ones, as JSON values (key order aside).
   * The public Filter has no way to compare queries; the engine's entity stores both as JSON.
   */
  private boolean sameJson(Filter existing, Filter wanted) {
    if (!(existing instanceof FilterEntity stored) || !(wanted instanceof FilterEntity fresh)
        || !Objects.equals(existing.getResourceType(), wanted.getResourceType())) {
      return false;
    }
    try {
      return tree(stored.getQueryInternal()).equals(tree(fresh.getQueryInternal()))
          && tree(stored.getPropertiesInternal()).equals(tree(fresh.getPropertiesInternal()));
    } catch (IOException unreadable) {
      return false;
    }
  }

  private JsonNode tree(String value) throws IOException {
    return value == null ? null : json.readTree(value);
  }

  /** Adds the permissions to the group's GRANT authorization on that resource (created if missing). */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    String key = grantKey(groupId, resource.resourceType(), resourceId);
    Authorization authorization = grants.get(key);
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
    grants.put(key, authorizationService.saveAuthorization(authorization));
    writtenAuthorizations++;
  }

  /** The demo users (one query) and their memberships of their own group (a count each; demo profile only). */
  private void ensureDemoUsers() {
    String[] userIds = ALL.stream().map(GroupDefinition::demoUser).toArray(String[]::new);
    Set<String> users = identityService.createUserQuery().userIdIn(userIds).list().stream()
        .map(User::getId).collect(Collectors.toSet());
    for (GroupDefinition group : ALL) {
      String userId = group.demoUser();
      boolean existed = users.contains(userId);
      if (!existed) {
        User user = identityService.newUser(userId);
        user.setFirstName(group.name().split(" ", 2)[0]);
        user.setLastName("Demo " + userId);
        user.setEmail(userId + "@serviceloop.example");
        user.setPassword(DEMO_PASSWORD);
        identityService.saveUser(user);
        writtenUsers++;
      }
      if (!existed || identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() == 0) {
        identityService.createMembership(userId, group.id());
        writtenMemberships++;
      }
    }
  }

  /** The demo users and their groups, for documentation and tests. */
  public static List<String[]> demoUsers() {
    return ALL.stream().map(g -> new String[] {g.demoUser(), g.id()}).toList();
  }
}
