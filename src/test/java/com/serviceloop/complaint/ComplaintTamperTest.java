package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import com.serviceloop.submission.CaseSnapshot;
import com.serviceloop.submission.EngineRestClient;
import com.serviceloop.submission.TamperSuite;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The generated tamper suite ({@link TamperSuite}) over every form of complaint handling, return visit and
 * escalation: the start form and each user task, reached through the processes, tampered with as the deployed
 * form allows, submitted over HTTP as the task's candidate group.
 */
@ServiceLoopTest
class ComplaintTamperTest extends ComplaintProcessTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;

  @Test
  void everyComplaintReturnVisitAndEscalationFormRefusesEveryTampering() {
    TamperSuite suite = new TamperSuite(new EngineRestClient(rest, identityService), taskService, formService,
        repositoryService);
    int made = 0;
    int forms = 0;

    // the start form, as the hotline records a complaint in Tasklist
    made += suite.start(ComplaintProcess.PROCESS_ID, "hotline", new HashMap<>(intake(newPhone())),
        () -> CaseSnapshot.of(jdbc, runtimeService, taskService, null));
    forms++;

    // first contact with a visit, the visit, resolution, reply, return visit
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    made += suite.task(taskOf(complaint, ComplaintProcess.Task_FirstContact), group(complaint,
        ComplaintProcess.Task_FirstContact), values("contactResult", "REACHED", "contactNote", "已联系客户",
        "needsOnSiteVisit", true, "appointmentAt", "2026-11-23T14:00+08:00"), snapshot(complaint));
    made += suite.task(taskOf(complaint, ComplaintProcess.Task_VisitCustomer),
        group(complaint, ComplaintProcess.Task_VisitCustomer), values("visitNote", "上门测试信号"), snapshot(complaint));
    made += suite.task(taskOf(complaint, ComplaintProcess.Task_ResolveComplaint),
        group(complaint, ComplaintProcess.Task_ResolveComplaint), values("resolution", "已优化基站参数",
            "rootCause", "NETWORK_FAULT", "responsibleParty", "网络优化中心", "disputedAmount", 0), snapshot(complaint));
    made += suite.task(taskOf(complaint, ComplaintProcess.Task_ReplyToCustomer),
        group(complaint, ComplaintProcess.Task_ReplyToCustomer), values("replyNote", "已答复"), snapshot(complaint));
    executeDueJobs(complaint);
    ProcessInstance visit = returnVisit(complaint);
    made += suite.task(taskOf(visit, ReturnVisitProcess.Task_CallCustomer),
        group(visit, ReturnVisitProcess.Task_CallCustomer), values("returnVisitOutcome", "SATISFIED",
            "returnVisitComment", "满意"), snapshot(complaint, visit.getId()));
    forms += 5;
    assertThat(workOrder(complaint).satisfaction()).isEqualTo("SATISFIED");

    // resolution asking the customer for documents, then their arrival
    ProcessInstance waiting = startComplaint(intake(newPhone()));
    firstContact(waiting);
    made += suite.task(taskOf(waiting, ComplaintProcess.Task_ResolveComplaint),
        group(waiting, ComplaintProcess.Task_ResolveComplaint), values("documentsRequested", true,
            "documentsRequestedNote", "近三个月的缴费凭证"), snapshot(waiting));
    made += suite.task(taskOf(waiting, ComplaintProcess.Task_RecordDocumentsReceived),
        group(waiting, ComplaintProcess.Task_RecordDocumentsReceived), values("documentsReceivedAt",
            "2026-11-20T17:05+08:00", "documentsReceivedNote", "收到缴费凭证"), snapshot(waiting));
    forms++;
    assertThat(task(waiting, ComplaintProcess.Task_ResolveComplaint)).as("back at the resolution").isNotNull();

    // triage of a complaint the routing cannot place
    Map<String, Object> other = intake(newPhone());
    other.put("category", "OTHER");
    other.remove("location");
    other.put("subject", "营业厅装修噪音");
    ProcessInstance unroutable = startComplaint(other);
    made += suite.task(taskOf(unroutable, ComplaintProcess.Task_TriageComplaint),
        group(unroutable, ComplaintProcess.Task_TriageComplaint), values("assuranceModule", "BUSINESS_MANAGEMENT",
            "responsibleGroup", "dept-business-management", "triageNote", "按业务管理处理"), snapshot(unroutable));
    forms++;

    // the supervisor's instruction of an escalation (a diamond customer is escalated at intake)
    Map<String, Object> vip = intake(newPhone());
    vip.put("customerTier", "DIAMOND");
    ProcessInstance escalated = startComplaint(vip);
    ProcessInstance escalation = escalationsOf(orderNo(escalated)).get(0);
    made += suite.task(taskOf(escalation, EscalationProcess.Task_SuperviseEscalation),
        group(escalation, EscalationProcess.Task_SuperviseEscalation), values("escalationInstruction", "加快处理",
            "escalationNewDeadline", "2026-11-25T17:00+08:00"), snapshot(escalated, escalation.getId()));
    forms++;

    System.out.println("Tamper suite, complaint / return visit / escalation: " + forms + " forms, " + made
        + " tampered submissions, all 400; " + TamperSuite.figures("run total"));
    assertThat(made).isGreaterThan(forms * 10);
  }

  String taskOf(ProcessInstance instance, String activityId) {
    Task task = task(instance, activityId);
    assertThat(task).as("task %s", activityId).isNotNull();
    return task.getId();
  }

  String group(ProcessInstance instance, String activityId) {
    return candidateGroups(task(instance, activityId)).get(0);
  }

  java.util.function.Supplier<CaseSnapshot> snapshot(ProcessInstance complaint, String... others) {
    String[] ids = new String[others.length + 1];
    ids[0] = complaint.getId();
    System.arraycopy(others, 0, ids, 1, others.length);
    String orderNo = orderNo(complaint);
    return () -> CaseSnapshot.of(jdbc, runtimeService, taskService, orderNo, ids);
  }

  static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return values;
  }
}
