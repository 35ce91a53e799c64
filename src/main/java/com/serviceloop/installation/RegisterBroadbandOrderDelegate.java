package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.intake.IntakeWindow;
import java.math.BigDecimal;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the work order; its number becomes the business key. A hall order's volume coefficient is the
 * model's input parameter {@code hallVolumeCoefficient}.
 */
@Component("registerBroadbandOrder")
@RequiredArgsConstructor
public class RegisterBroadbandOrderDelegate implements JavaDelegate {

  private final InstallationService installation;
  private final WorkingTimeCalendar calendar;
  private final IntakeWindow window;

  @Override
  public void execute(DelegateExecution execution) {
    BroadbandOrder order = BroadbandOrderRequest.fromVariables(execution.getVariables(), calendar.zone(), window);
    BigDecimal coefficient = BroadbandOrderRequest.decimal(execution.getVariable(HALL_VOLUME_COEFFICIENT));
    if (order.paidAtHall() && (coefficient == null || coefficient.signum() <= 0)) {
      throw new IllegalStateException("The register step needs the input parameter " + HALL_VOLUME_COEFFICIENT
          + " (> 0) for hall orders");
    }
    String orderNo = installation.register(order, execution.getProcessInstanceId(), coefficient);
    execution.setProcessBusinessKey(orderNo);
    execution.setVariable(ORDER_NO, orderNo);
    execution.setVariable(ACCEPTED_AT, Moments.toDate(order.acceptedAt()));
    execution.setVariable(PAID_AT_HALL, order.paidAtHall());
    if (order.paymentAmount() != null) {
      execution.setVariable(PAYMENT_AMOUNT, order.paymentAmount().doubleValue());
    }
  }
}
