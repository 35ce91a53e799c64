package com.serviceloop.workorder;

import com.serviceloop.api.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/work-orders/{orderNo}/history: what happened to a work order, step by step, from the engine's
 * history — also after the process ended, which Cockpit's community edition does not show. Read with the
 * caller's permissions (auditors: READ_HISTORY), so a user without them sees no steps.
 */
@RestController
public class WorkOrderHistoryController {

  private final WorkOrderRepository workOrders;
  private final HistoryService historyService;

  public WorkOrderHistoryController(WorkOrderRepository workOrders, HistoryService historyService) {
    this.workOrders = workOrders;
    this.historyService = historyService;
  }

  @GetMapping("/api/work-orders/{orderNo}/history")
  public Map<String, Object> history(@PathVariable String orderNo) {
    WorkOrder order = workOrders.find(orderNo)
        .orElseThrow(() -> new NotFoundException("No work order " + orderNo));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", order.orderNo());
    body.put("type", order.type());
    body.put("status", order.status());
    body.put("processInstanceId", order.processInstanceId());
    HistoricProcessInstance instance = order.processInstanceId() == null ? null
        : historyService.createHistoricProcessInstanceQuery().processInstanceId(order.processInstanceId())
            .singleResult();
    body.put("processState", instance == null ? null : instance.getState());
    List<Map<String, Object>> steps = order.processInstanceId() == null ? List.of()
        : historyService.createHistoricActivityInstanceQuery().processInstanceId(order.processInstanceId())
            .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
            .filter(step -> step.getActivityName() != null)
            .map(WorkOrderHistoryController::step).toList();
    body.put("steps", steps);
    body.put("breaches", workOrders.breachReasons(orderNo));
    return body;
  }

  private static Map<String, Object> step(HistoricActivityInstance step) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("activityId", step.getActivityId());
    json.put("name", step.getActivityName());
    json.put("type", step.getActivityType());
    json.put("assignee", step.getAssignee());
    json.put("startedAt", step.getStartTime() == null ? null : step.getStartTime().toInstant().toString());
    json.put("endedAt", step.getEndTime() == null ? null : step.getEndTime().toInstant().toString());
    json.put("canceled", step.isCanceled());
    return json;
  }
}
