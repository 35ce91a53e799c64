package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.coverage.CoverageResult;
import com.serviceloop.coverage.CoverageService;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No coverage or no free port: the customer is told, the demand recorded, the order closed. */
@Component("recordUnmetDemand")
public class RecordUnmetDemandDelegate implements JavaDelegate {

  private final CoverageService coverage;
  private final WorkOrderRepository workOrders;
  private final NotificationPort notifications;

  public RecordUnmetDemandDelegate(CoverageService coverage, WorkOrderRepository workOrders,
      NotificationPort notifications) {
    this.coverage = coverage;
    this.workOrders = workOrders;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    CoverageResult result = CoverageResult.valueOf(string(execution, COVERAGE_RESULT));
    coverage.recordDemand(orderNo, result, string(execution, REGION), string(execution, COMPOUND),
        string(execution, BUILDING), string(execution, ROOM), string(execution, CUSTOMER_PHONE));
    String text = result == CoverageResult.NOT_COVERED
        ? "您申请宽带的地址暂未覆盖网络，需求已登记，网络覆盖后我们会联系您。订单 " + orderNo
        : "您申请宽带的楼宇端口已满，需求已登记，扩容后我们会联系您。订单 " + orderNo;
    notifications.send(Notification.sms(orderNo, string(execution, CUSTOMER_PHONE),
        "BROADBAND_" + result.name(), text));
    workOrders.recordClosure(orderNo, result.name(), WorkOrderRepository.now());
  }
}
