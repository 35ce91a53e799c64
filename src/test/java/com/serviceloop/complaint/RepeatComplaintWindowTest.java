package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.kpi.KpiPeriod;
import com.serviceloop.kpi.KpiResult;
import com.serviceloop.kpi.KpiService;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 13: the repeat-complaint window is the model's alone. complaint-handling stores the flag its
 * Task_CheckRepeatComplaint computes with repeatWindow on the work order, and repeatComplaintRate counts the stored
 * flags: the same two complaints ten days apart are a repeat under the shipped P30D and none once a process owner
 * sets P7D in Modeler — on the work order and in the KPI.
 */
@ServiceLoopTest
class RepeatComplaintWindowTest extends ComplaintProcessTestSupport {

  /** The shipped model with only the window changed, deployed under its own id so no other test meets it. */
  static final String NARROWED = "complaint-handling-window-p7d";

  @Autowired RepositoryService repositoryService;
  @Autowired KpiService kpis;
  String deployment;

  @AfterEach
  void removeNarrowedModel() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aWindowChangedInTheModelChangesTheStoredFlagAndTheKpi() throws Exception {
    String shippedRegion = region();
    List<String> shipped = twoComplaintsTenDaysApart(ComplaintProcess.PROCESS_ID, shippedRegion);

    deployment = repositoryService.createDeployment().name("repeat window P7D")
        .addModelInstance(NARROWED + ".bpmn", withRepeatWindow("P7D")).deploy().getId();
    String narrowedRegion = region();
    List<String> narrowed = twoComplaintsTenDaysApart(NARROWED, narrowedRegion);

    assertThat(shipped).extracting(this::storedFlag).containsExactly(false, true);
    assertThat(narrowed).extracting(this::storedFlag).containsExactly(false, false);
    assertThat(repeatRate(shippedRegion).numerator()).isEqualByComparingTo("1");
    assertThat(repeatRate(shippedRegion).denominator()).isEqualByComparingTo("2");
    assertThat(repeatRate(narrowedRegion).numerator()).isEqualByComparingTo("0");
    assertThat(repeatRate(narrowedRegion).denominator()).isEqualByComparingTo("2");
  }

  /** Two complaints of one phone, received Monday 2 and Thursday 12 November 10:00, each recorded five minutes later. */
  List<String> twoComplaintsTenDaysApart(String processKey, String region) {
    String phone = newPhone();
    String first = start(processKey, phone, region, "2026-11-02T10:00+08:00");
    String second = start(processKey, phone, region, "2026-11-12T10:00+08:00");
    return List.of(first, second);
  }

  String start(String processKey, String phone, String region, String receivedAt) {
    clockAt(receivedAt.replace("T10:00", "T10:05"));
    Map<String, Object> intake = intake(phone);
    intake.put("region", region);
    intake.put("receivedAt", receivedAt);
    return orderNo(runtimeService.startProcessInstanceByKey(processKey, intake));
  }

  Boolean storedFlag(String orderNo) {
    return (Boolean) workOrders.row(orderNo).get("repeat_complaint");
  }

  KpiResult repeatRate(String region) {
    return kpis.report(KpiPeriod.month(YearMonth.of(2026, 11), kpis.zone()), region).stream()
        .filter(k -> k.id().equals("repeatComplaintRate")).findFirst().orElseThrow();
  }

  static String region() {
    return "重复窗口-" + ThreadLocalRandom.current().nextInt(1_000_000);
  }

  /** processes/complaint-handling.bpmn as shipped, its Task_CheckRepeatComplaint's repeatWindow set to {@code window}. */
  static BpmnModelInstance withRepeatWindow(String window) throws Exception {
    BpmnModelInstance model;
    try (InputStream in = new ClassPathResource("processes/complaint-handling.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    model.<Process>getModelElementById(ComplaintProcess.PROCESS_ID).setId(NARROWED);
    ServiceTask check = model.getModelElementById(ComplaintProcess.Task_CheckRepeatComplaint);
    CamundaInputParameter repeatWindow = check.getExtensionElements().getElementsQuery()
        .filterByType(CamundaInputOutput.class).singleResult().getCamundaInputParameters().stream()
        .filter(p -> p.getCamundaName().equals(ComplaintVariables.REPEAT_WINDOW)).findFirst().orElseThrow();
    assertThat(repeatWindow.getTextContent()).isEqualTo("P30D"); // the shipped window
    repeatWindow.setTextContent(window);
    return model;
  }
}
