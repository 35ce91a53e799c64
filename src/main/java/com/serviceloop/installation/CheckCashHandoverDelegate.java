package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.common.Moments;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.notification.Notification;
import com.serviceloop.notification.NotificationPort;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Both signatures (two different authenticated users), and the amount the back office received must
 * match what was collected and what the installer declared handing over.
 */
@Component("checkCashHandover")
@RequiredArgsConstructor
public class CheckCashHandoverDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final WorkOrderRepository workOrders;
  private final NotificationPort notifications;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    String backOffice = string(execution, HANDOVER_BACK_OFFICE_USER);
    String installer = string(execution, HANDOVER_INSTALLER_USER);
    if (backOffice == null || installer == null || backOffice.equals(installer)) {
      throw new IllegalArgumentException("The cash handover needs both signatures: back office and installer, "
          + "two different users");
    }
    BigDecimal handedOver = BroadbandOrderRequest.decimal(execution.getVariable(HANDOVER_AMOUNT));
    BigDecimal declared = BroadbandOrderRequest.decimal(execution.getVariable(INSTALLER_HANDOVER_AMOUNT));
    BigDecimal collected = (BigDecimal) orders.row(orderNo).get("PAYMENT_AMOUNT");
    boolean matches = InstallationService.handoverMatches(collected, handedOver)
        && (declared == null || declared.compareTo(handedOver) == 0);
    orders.recordHandover(orderNo, backOffice, installer, handedOver, matches);
    execution.setVariable(HANDOVER_MATCHES, matches);
    if (!matches) {
      workOrders.setStatus(orderNo, STATUS_PAYMENT_MISMATCH);
      execution.setVariable(PAYMENT_REVIEW_DUE, Moments.toDate(
          deadlines.requiredDue(execution, Milestone.PAYMENT_REVIEW, WorkOrderRepository.now())));
      notifications.send(Notification.staff(orderNo, notifyGroup(execution), "INSTALLATION_PAYMENT_MISMATCH",
          "Cash handover of " + orderNo + ": collected " + collected + ", installer handed over " + declared
              + ", back office received " + handedOver));
    }
  }
}
