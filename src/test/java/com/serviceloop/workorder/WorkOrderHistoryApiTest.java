package com.serviceloop.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The history of a work order over the API: its steps in order, its breaches, read-only for auditors. */
@ServiceLoopTest
class WorkOrderHistoryApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @Test
  void auditorReadsTheStepsOfAComplaint() throws Exception {
    Map<String, Object> intake = new HashMap<>();
    intake.put("customerPhone", "13700001234");
    intake.put("customerName", "赵六");
    intake.put("customerSegment", "PUBLIC");
    intake.put("customerTier", "STANDARD");
    intake.put("region", "历史测试区");
    intake.put("channel", "HOTLINE");
    intake.put("category", "PRODUCT");
    intake.put("description", "套餐说明不清");
    intake.put("productName", "畅享套餐");
    ProcessInstance complaint = runtimeService.startProcessInstanceByKey("complaint-handling", intake);
    String orderNo = (String) runtimeService.getVariable(complaint.getId(), "orderNo");
    String firstContact = taskService.createTaskQuery().processInstanceId(complaint.getId())
        .taskDefinitionKey("Task_FirstContact").singleResult().getId();
    taskService.complete(firstContact, Map.of("contactResult", "REACHED", "contactNote", "已联系",
        "needsOnSiteVisit", false));

    ResponseEntity<String> response = rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/work-orders/" + orderNo + "/history", String.class);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("orderNo").asText()).isEqualTo(orderNo);
    assertThat(body.get("processState").asText()).isEqualTo("ACTIVE");
    List<String> steps = new ArrayList<>();
    body.get("steps").forEach(step -> steps.add(step.get("activityId").asText()));
    assertThat(steps).containsSubsequence("StartEvent_ComplaintReceived", "Task_RegisterComplaint",
        "Task_RouteComplaint", "Task_FirstContact", "Task_ResolveComplaint");
    JsonNode contact = body.get("steps").get(steps.indexOf("Task_FirstContact"));
    assertThat(contact.hasNonNull("endedAt")).as("first contact done").isTrue();
    assertThat(body.get("steps").get(steps.indexOf("Task_ResolveComplaint")).hasNonNull("endedAt"))
        .as("resolution still open").isFalse();
    assertThat(body.get("breaches")).isEmpty();
  }

  @Test
  void unknownOrderIs404AndNoLoginIs401() {
    assertThat(rest.withBasicAuth("auditor1", "demo").getForEntity("/api/work-orders/CMP-999999/history",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/work-orders/CMP-000001/history", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
