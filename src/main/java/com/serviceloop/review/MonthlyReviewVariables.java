package com.serviceloop.review;

/** Process monthly-service-review: its id, element ids and variable names, in one place. */
public final class MonthlyReviewVariables {

  public static final String PROCESS_ID = "monthly-service-review";

  // elements
  /** The process that starts last month's review on the 1st (its timer start event). */
  public static final String SCHEDULE_PROCESS_ID = "monthly-review-schedule";
  public static final String START_EVENT_MONTH_STARTED = "StartEvent_MonthStarted";
  public static final String START_EVENT_REVIEW_STARTED = "StartEvent_ReviewStarted";
  public static final String TASK_PLAN_REVIEW = "Task_PlanReview";
  public static final String END_EVENT_ALREADY_REVIEWED = "EndEvent_AlreadyReviewed";
  /** BPMN error code: the timer's month already has its review (started by hand or by the catch-up). */
  public static final String ERROR_MONTH_ALREADY_REVIEWED = "MonthAlreadyReviewed";
  public static final String TIMER_FIRST_WORKING_DAY = "Timer_FirstWorkingDay";
  public static final String TASK_COMPUTE_KPIS = "Task_ComputeKpis";
  public static final String TASK_REVIEW_HOT_ISSUES = "Task_ReviewHotIssues";
  public static final String TASK_CARRY_OUT_ACTION = "Task_CarryOutAction";
  public static final String TIMER_ACTION_OVERDUE = "Timer_ActionOverdue";
  public static final String TASK_GENERAL_MANAGER_SUPERVISION = "Task_GeneralManagerSupervision";
  public static final String TASK_DEPARTMENT_MANAGER_SUPERVISION = "Task_DepartmentManagerSupervision";
  public static final String END_EVENT_REVIEW_CLOSED = "EndEvent_ReviewClosed";

  // variables
  /** "2026-10": the month reviewed (last month). */
  public static final String REPORT_MONTH = "reportMonth";
  /** Date: the first working day of this month, 09:00. */
  public static final String REVIEW_AT = "reviewAt";
  /** Date: the review task's due date. */
  public static final String REVIEW_DUE = "reviewDue";
  /** Text: last month's KPIs, one line each. */
  public static final String KPI_SUMMARY = "kpiSummary";
  /** Integer: KPIs that missed their target. */
  public static final String MISSED_KPIS = "missedKpis";
  /** The missed KPIs as hot-issue lines, one per line, from Task_ComputeKpis for Task_ListHotIssues. */
  public static final String MISSED_KPI_ISSUES = "missedKpiIssues";
  /** JSON list of {issue, department, person, deadline, hardest}: the form's dynamic list. */
  public static final String REVIEW_ACTIONS = "reviewActions";
  /** Integer: how many actions the multi-instance tracks. */
  public static final String ACTION_COUNT = "actionCount";
  /** Local to each tracked action. */
  public static final String LOOP_COUNTER = "loopCounter";
  public static final String ACTION_ISSUE = "actionIssue";
  public static final String ACTION_DEPARTMENT = "actionDepartment";
  public static final String ACTION_PERSON = "actionPerson";
  public static final String ACTION_DUE = "actionDue";
  public static final String ACTION_HARDEST = "actionHardest";
  /** Local to each tracked action: the department's result (form monthly-review-action). */
  public static final String ACTION_RESULT = "actionResult";
  /** Local to each tracked action: the supervisor's instruction (form monthly-review-supervision). */
  public static final String SUPERVISION_INSTRUCTION = "supervisionInstruction";
  /** Task_ListHotIssues' input parameter (the model's rule): how many top complaint categories and root causes. */
  public static final String HOT_ISSUE_TOP = "hotIssueTop";
  /** Task_PrepareActions' input parameter (the model's rule): the groups an action may go to (责任部门). */
  public static final String RESPONSIBLE_DEPARTMENTS = "responsibleDepartments";
  /** Who asked for a review of a chosen month: the start form's initiator, the API caller or CATCH_UP. */
  public static final String REQUESTED_BY = "requestedBy";

  private MonthlyReviewVariables() {}
}
