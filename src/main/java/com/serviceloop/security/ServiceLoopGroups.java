package com.serviceloop.security;

import java.util.List;

/** The Camunda groups of docs/contracts.md, with their bilingual names and demo users. */
public final class ServiceLoopGroups {

  public static final String HOTLINE = "hotline";
  public static final String BUSINESS_HALL = "business-hall";
  public static final String BACK_OFFICE = "back-office";
  public static final String NETWORK = "network";
  public static final String INSTALLERS_OWN = "installers-own";
  public static final String INSTALLERS_OUTSOURCED = "installers-outsourced";
  public static final String INSTALLERS_PARTNER = "installers-partner";
  public static final String DEPT_NETWORK_ASSURANCE = "dept-network-assurance";
  public static final String DEPT_BUSINESS_MANAGEMENT = "dept-business-management";
  public static final String DEPT_CHANNEL_SERVICE = "dept-channel-service";
  public static final String DEPT_SYSTEM_SUPPORT = "dept-system-support";
  public static final String SERVICE_SUPERVISION = "service-supervision";
  public static final String SHIFT_LEAD = "shift-lead";
  public static final String DEPARTMENT_MANAGER = "department-manager";
  public static final String GENERAL_MANAGER = "general-manager";
  public static final String KEY_ACCOUNT_MANAGERS = "key-account-managers";
  public static final String AUDITORS = "auditors";
  public static final String CHANNEL_SYSTEMS = "channel-systems";
  /** Deploy models from Camunda Modeler, migrate running cases (docs/decisions.md). */
  public static final String PROCESS_OWNERS = "process-owners";
  /** May read health details and metrics on the management port (docs/operations.md). */
  public static final String OPERATIONS = "operations";

  /** Processes that staff start by hand or channel systems start through the API. */
  public static final List<String> STARTED_BY_INTAKE =
      List.of("complaint-handling", "broadband-installation", "fault-repair");
  /** The groups that record complaints, installation orders and fault reports. */
  public static final List<String> INTAKE_GROUPS = List.of(HOTLINE, BUSINESS_HALL, BACK_OFFICE, CHANNEL_SYSTEMS);

  /**
   * A group: id, bilingual name, Camunda type, its Tasklist filter name (null: no Tasklist work)
   * and its demo user.
   */
  public record GroupDefinition(String id, String name, String type, String filterName, String demoUser) {
    public boolean staff() {
      return filterName != null;
    }
  }

  public static final String WORKFLOW = "WORKFLOW";
  public static final String SYSTEM = "SYSTEM";

  public static final List<GroupDefinition> ALL = List.of(
      new GroupDefinition(HOTLINE, "客服代表 Hotline agents", WORKFLOW, "热线 Hotline tasks", "hotline1"),
      new GroupDefinition(BUSINESS_HALL, "营业员 Business-hall clerks", WORKFLOW, "营业厅 Business-hall tasks", "hall1"),
      new GroupDefinition(BACK_OFFICE, "分公司后台 Branch back office", WORKFLOW, "后台 Back-office tasks", "backoffice1"),
      new GroupDefinition(NETWORK, "网络人员 Network staff", WORKFLOW, "网络 Network tasks", "network1"),
      new GroupDefinition(INSTALLERS_OWN, "装维人员 Installers (own staff)", WORKFLOW,
          "装维 Installer tasks", "installer1"),
      new GroupDefinition(INSTALLERS_OUTSOURCED, "代维人员 Installers (outsourced)", WORKFLOW,
          "代维 Outsourced installer tasks", "outsourced1"),
      new GroupDefinition(INSTALLERS_PARTNER, "铁通装维 Installers (partner Tietong)", WORKFLOW,
          "铁通 Partner installer tasks", "partner1"),
      new GroupDefinition(DEPT_NETWORK_ASSURANCE, "网络保障部 Network assurance dept.", WORKFLOW,
          "网络保障 Network assurance tasks", "netassure1"),
      new GroupDefinition(DEPT_BUSINESS_MANAGEMENT, "业务管理部 Business management dept.", WORKFLOW,
          "业务管理 Business management tasks", "bizmgmt1"),
      new GroupDefinition(DEPT_CHANNEL_SERVICE, "渠道服务部 Channel service dept.", WORKFLOW,
          "渠道服务 Channel service tasks", "channelsvc1"),
      new GroupDefinition(DEPT_SYSTEM_SUPPORT, "系统支撑部 System resource support dept.", WORKFLOW,
          "系统支撑 System support tasks", "syssupport1"),
      new GroupDefinition(SERVICE_SUPERVISION, "服务监管部 Service supervision", WORKFLOW,
          "服务监管 Service supervision tasks", "supervisor1"),
      new GroupDefinition(SHIFT_LEAD, "值班经理 Shift leads", WORKFLOW, "值班经理 Shift-lead tasks", "shiftlead1"),
      new GroupDefinition(DEPARTMENT_MANAGER, "部门经理 Department managers", WORKFLOW,
          "部门经理 Department-manager tasks", "deptmanager1"),
      new GroupDefinition(GENERAL_MANAGER, "总经理督办 General manager", WORKFLOW,
          "总经理督办 General-manager tasks", "gm1"),
      new GroupDefinition(KEY_ACCOUNT_MANAGERS, "大客户经理 Key-account managers", WORKFLOW,
          "大客户 Key-account tasks", "keyaccount1"),
      new GroupDefinition(AUDITORS, "稽核 Auditors (read only)", SYSTEM, null, "auditor1"),
      new GroupDefinition(CHANNEL_SYSTEMS, "渠道系统 Channel systems (API clients)", SYSTEM, null, "channel1"),
      new GroupDefinition(PROCESS_OWNERS, "流程负责人 Process owners", SYSTEM, null, "owner1"),
      new GroupDefinition(OPERATIONS, "运维 Operations (health and metrics)", SYSTEM, null, "ops1"));

  private ServiceLoopGroups() {}
}
