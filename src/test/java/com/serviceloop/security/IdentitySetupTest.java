package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.security.ServiceLoopGroups.GroupDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceLoopTest
class IdentitySetupTest {

  @Autowired IdentitySetup identitySetup;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  @Test
  void everyGroupOfTheContractsExistsWithABilingualNameAndItsType() {
    assertThat(ServiceLoopGroups.ALL).extracting(GroupDefinition::id).containsExactlyInAnyOrder(
        "hotline", "business-hall", "back-office", "network", "installers-own", "installers-outsourced",
        "installers-partner", "dept-network-assurance", "dept-business-management", "dept-channel-service",
        "dept-system-support", "service-supervision", "shift-lead", "department-manager", "general-manager",
        "key-account-managers", "auditors", "channel-systems", "process-owners", "operations");
    for (GroupDefinition definition : ServiceLoopGroups.ALL) {
      Group group = identityService.createGroupQuery().groupId(definition.id()).singleResult();
      assertThat(group).as(definition.id()).isNotNull();
      assertThat(group.getName()).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{3,}");
      assertThat(group.getType()).isEqualTo(definition.staff() ? "WORKFLOW" : "SYSTEM");
    }
  }

  @Test
  void runningAgainChangesNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    identitySetup.afterPropertiesSet();
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void aRestartWhereEverythingExistsWritesNothing() {
    identitySetup.setUp();
    assertThat(identitySetup.setUp()).isEqualTo(new IdentitySetup.Changes(0, 0, 0, 0, 0));
  }

  @Test
  void aRestartRestoresOnlyWhatIsMissingOrChanged() {
    identitySetup.setUp();
    Authorization cockpit = authorizationService.createAuthorizationQuery().groupIdIn("auditors")
        .resourceType(Resources.APPLICATION).resourceId("cockpit").singleResult();
    authorizationService.deleteAuthorization(cockpit.getId());
    Filter hotline = filterService.createFilterQuery().filterName("热线 Hotline tasks").singleResult();
    hotline.setProperties(java.util.Map.of("description", "changed by hand", "priority", 5));
    filterService.saveFilter(hotline);
    identityService.deleteMembership("owner1", "process-owners");

    assertThat(identitySetup.setUp()).isEqualTo(new IdentitySetup.Changes(0, 1, 1, 0, 1));

    assertThat(authorized("auditor1", List.of("auditors"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
        .isTrue();
    Filter restored = filterService.getFilter(hotline.getId());
    assertThat(restored.getProperties()).containsEntry("description", "Tasks for hotline (candidate group)")
        .containsEntry("priority", 0);
    assertThat(identityService.createUserQuery().userId("owner1").memberOfGroup("process-owners").count())
        .isEqualTo(1);
    assertThat(identitySetup.setUp().total()).isZero();
  }

  @Test
  void eachStaffGroupHasItsOwnTasklistFilterThatOnlyItCanRead() {
    for (GroupDefinition group : ServiceLoopGroups.ALL) {
      if (!group.staff()) {
        continue;
      }
      List<Filter> filters = filterService.createFilterQuery().filterName(group.filterName()).list();
      assertThat(filters).as(group.filterName()).hasSize(1);
      String filterId = filters.get(0).getId();
      assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
          .list()).extracting(Authorization::getGroupId).containsExactly(group.id());
      assertThat(readableFilters(group)).contains(group.filterName(), IdentitySetup.MY_TASKS_FILTER);
    }
    assertThat(readableFilters(group("hotline"))).doesNotContain("网络保障 Network assurance tasks");
  }

  @Test
  void demoUsersBelongToTheirGroupAndUseThePasswordDemo() {
    for (GroupDefinition group : ServiceLoopGroups.ALL) {
      assertThat(identityService.createUserQuery().userId(group.demoUser()).memberOfGroup(group.id()).count())
          .as(group.demoUser()).isEqualTo(1);
      assertThat(identityService.checkPassword(group.demoUser(), "demo")).isTrue();
      assertThat(identityService.checkPassword(group.demoUser(), group.demoUser())).isFalse();
      // a failed login locks the user for a few seconds (Camunda's login delay): unlock, so that a test
      // running right after this one (SecurityIntegrationTest) can log in
      identityService.unlockUser(group.demoUser());
    }
  }

  @Test
  void auditorsMayReadButNeverChangeAnything() {
    Set<String> readOnly = Set.of("READ", "READ_HISTORY", "READ_INSTANCE", "READ_TASK", "ACCESS");
    List<Authorization> grants = authorizationService.createAuthorizationQuery().groupIdIn("auditors").list();
    assertThat(grants).isNotEmpty();
    for (Authorization grant : grants) {
      Permission[] all = ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType());
      List<String> granted = Arrays.stream(grant.getPermissions(all)).map(Permission::getName)
          .filter(name -> !"NONE".equals(name)).toList();
      assertThat(granted).as("auditors on resource type %s", grant.getResourceType())
          .isNotEmpty().allMatch(readOnly::contains);
    }
    List<String> auditor = List.of("auditors");
    assertThat(authorized("auditor1", auditor, Permissions.READ, Resources.PROCESS_DEFINITION, "complaint-handling"))
        .isTrue();
    assertThat(authorized("auditor1", auditor, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "complaint-handling")).isFalse();
    assertThat(authorized("auditor1", auditor, Permissions.UPDATE, Resources.TASK, "any-task")).isFalse();
    assertThat(authorized("auditor1", auditor, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorized("auditor1", auditor, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
  }

  @Test
  void onlyProcessOwnersMayDeploy() {
    for (GroupDefinition group : ServiceLoopGroups.ALL) {
      boolean owner = ServiceLoopGroups.PROCESS_OWNERS.equals(group.id());
      for (Permission permission : List.of(Permissions.CREATE, Permissions.DELETE)) {
        assertThat(authorized(group.demoUser(), List.of(group.id()), permission, Resources.DEPLOYMENT, "any"))
            .as("%s %s deployments", group.id(), permission.getName()).isEqualTo(owner);
      }
    }
  }

  @Test
  void onlyIntakeGroupsMayStartComplaints() {
    for (GroupDefinition group : ServiceLoopGroups.ALL) {
      boolean intake = ServiceLoopGroups.INTAKE_GROUPS.contains(group.id());
      for (String process : ServiceLoopGroups.STARTED_BY_INTAKE) {
        assertThat(authorized(group.demoUser(), List.of(group.id()), Permissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, process)).as("%s starts %s", group.id(), process).isEqualTo(intake);
      }
    }
  }

  @Test
  void aCandidateGroupGetsItsTaskPermissionsFromTheEngine() {
    Task task = taskService.newTask();
    task.setName("identity-setup-test task");
    taskService.saveTask(task);
    try {
      taskService.addCandidateGroup(task.getId(), "hotline");
      assertThat(authorized("hotline1", List.of("hotline"), Permissions.READ, Resources.TASK, task.getId())).isTrue();
      assertThat(authorized("hotline1", List.of("hotline"), Permissions.UPDATE, Resources.TASK, task.getId())).isTrue();
      assertThat(authorized("netassure1", List.of("dept-network-assurance"), Permissions.READ, Resources.TASK,
          task.getId())).isFalse();
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  private boolean authorized(String user, List<String> groups, Permission permission,
      org.camunda.bpm.engine.authorization.Resource resource, String id) {
    return authorizationService.isUserAuthorized(user, groups, permission, resource, id);
  }

  private static GroupDefinition group(String id) {
    return ServiceLoopGroups.ALL.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }

  private List<String> readableFilters(GroupDefinition group) {
    identityService.setAuthentication(group.demoUser(), List.of(group.id()));
    try {
      return filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
