package com.serviceloop.submission;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a refused submission must leave as it was: the work-order row, the process variables of the case
 * (and of the task's process, when that is another one, e.g. an escalation), and the open tasks.
 */
public record CaseSnapshot(Map<String, Object> workOrder, Map<String, Object> variables, List<String> openTasks,
    long workOrders, long processInstances) {

  public static CaseSnapshot of(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, String orderNo,
      String... processInstanceIds) {
    Map<String, Object> row = new TreeMap<>();
    if (orderNo != null) {
      jdbc.queryForMap("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo)
          .forEach((k, v) -> row.put(k, String.valueOf(v)));
    }
    Map<String, Object> variables = new TreeMap<>();
    List<String> open = new java.util.ArrayList<>();
    for (String id : processInstanceIds) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.getVariables(id).forEach((k, v) -> variables.put(id + ":" + k, String.valueOf(v)));
      }
      tasks.createTaskQuery().processInstanceId(id).list().forEach(t -> open.add(t.getId()));
    }
    java.util.Collections.sort(open);
    Long orders = jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order", Long.class);
    return new CaseSnapshot(row, variables, open, orders == null ? 0 : orders,
        runtime.createProcessInstanceQuery().count());
  }
}
