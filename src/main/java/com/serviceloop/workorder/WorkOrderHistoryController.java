package com.serviceloop.workorder;

import com.serviceloop.api.ForbiddenException;
import com.serviceloop.api.NotFoundException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
public class WorkOrderHistoryController {

  private final WorkOrderRepository workOrders;
  private final HistoryService historyService;
  private final ApiCaller caller;
  private final WorkOrderView view;

  /** The process that handles each kind of work order (its history is read with READ_HISTORY on it). */
  static String processOf(OrderType type) {
    return switch (type) {
      case COMPLAINT -> "complaint-handling";
      case INSTALLATION -> "broadband-installation";
      case FAULT_REPAIR -> "fault-repair";
    };
  }

  /**
   * GET /api/work-orders/{orderNo}: the order page's facts — every column that has a value (deadlines, on-time
   * flags, satisfaction, remedies), its breaches, escalation steps and moved appointments — for any kind of
   * order, open or closed, to every authenticated user (a work order is what every department works from);
   * personal data masked for those who need not reach the customer.
   */
  @GetMapping("/api/work-orders/{orderNo}")
  public Map<String, Object> order(@PathVariable String orderNo) {
    String number = OrderNumbers.require(orderNo);
    Map<String, Object> order = view.find(number, caller.isInAnyGroup(LookupAccess.PERSONAL_DATA))
        .orElseThrow(() -> new NotFoundException("No work order " + number));
    order.put("process", processOf(OrderType.valueOf((String) order.get("orderType"))));
    order.put("historyReadable", caller.mayReadHistory((String) order.get("process")));
    return order;
  }

  @GetMapping("/api/work-orders/{orderNo}/history")
  public Map<String, Object> history(@PathVariable String orderNo) {
    WorkOrder order = workOrders.find(orderNo)
        .orElseThrow(() -> new NotFoundException("No work order " + orderNo));
    String process = processOf(order.type());
    if (!caller.mayReadHistory(process)) {
      // the engine would answer an empty history; say why instead
      throw new ForbiddenException("User '" + caller.userId() + "' may not read the history of " + orderNo
          + ": it needs READ_HISTORY on process definition " + process
          + " (auditors and administrators have it; ask them or service supervision)");
    }
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
            .map(this::step).toList();
    body.put("steps", steps);
    body.put("breaches", workOrders.breachReasons(orderNo));
    return body;
  }

  private Map<String, Object> step(HistoricActivityInstance step) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("activityId", step.getActivityId());
    json.put("name", step.getActivityName());
    json.put("type", step.getActivityType());
    json.put("assignee", step.getAssignee());
    json.put("startedAt", step.getStartTime() == null ? null : view.iso(step.getStartTime()));
    json.put("endedAt", step.getEndTime() == null ? null : view.iso(step.getEndTime()));
    json.put("canceled", step.isCanceled());
    return json;
  }
}
