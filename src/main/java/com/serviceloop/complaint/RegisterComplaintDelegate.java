package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;
import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.complaint.intake.ComplaintIntake;
import com.serviceloop.complaint.intake.ComplaintIntakeValidator;
import com.serviceloop.complaint.intake.RegulatorReferrals;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Duration;
import java.util.Date;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Register complaint (每诉必录): the intake becomes a work order; its order number becomes the
 * variable orderNo and the process instance's business key. The same validator as the API checks
 * the fields first, so a start through Tasklist or the engine REST API cannot record what the API
 * would refuse: the start fails with the list of bad fields and nothing is written.
 */
@Component("registerComplaint")
@RequiredArgsConstructor
public class RegisterComplaintDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintIntakeValidator validator;
  private final ObjectMapper json;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    ComplaintIntake intake = validate(execution);
    String details = intake.templateFields().isEmpty() ? null : json.writeValueAsString(intake.templateFields());
    String orderNo = workOrders.create(new NewWorkOrder(
        OrderType.COMPLAINT, STATUS_OPEN, execution.getProcessInstanceId(),
        intake.channel(), intake.category(), intake.region(), intake.customerSegment(), intake.customerTier(),
        intake.brand(), intake.customerPhone(), intake.customerName(), intake.description(),
        details, null, intake.receivedAt()));
    execution.setVariable(ORDER_NO, orderNo);
    execution.setVariable(RECEIVED_AT, Date.from(intake.receivedAt()));
    if (intake.regulatorReference() != null) {
      recordReferral(execution, orderNo, intake);
    }
    execution.setVariable(ROUNDS, 1);
    execution.setProcessBusinessKey(orderNo);
  }

  /**
   * A REGULATOR referral keeps the regulator's reference and deadline and links to the customer's original
   * complaint: the latest from the same phone through another channel within {@code originalComplaintWindow}
   * (the task's input parameter, e.g. P90D) before the referral.
   */
  private void recordReferral(DelegateExecution execution, String orderNo, ComplaintIntake intake) {
    Duration window = Duration.parse(String.valueOf(execution.getVariable(ORIGINAL_COMPLAINT_WINDOW)));
    String original = workOrders.latestFromPhone(OrderType.COMPLAINT, intake.customerPhone(),
        intake.receivedAt().minus(window), intake.receivedAt().plusSeconds(1), RegulatorReferrals.CHANNEL, orderNo)
        .orElse(null);
    workOrders.recordReferral(orderNo, intake.regulatorReference(), intake.regulatorReplyDue(), original);
    execution.setVariable(ORIGINAL_ORDER_NO, original);
    execution.setVariable(REGULATOR_REPLY_DUE + "Text", calendar.display(Date.from(intake.regulatorReplyDue())));
  }

  private ComplaintIntake validate(DelegateExecution execution) {
    ComplaintIntakeValidator.Result result = validator.validate(execution.getVariables(), WorkOrderRepository.now());
    if (!result.valid()) {
      throw new InvalidInputException("The complaint was not recorded: " + result.errors().stream()
          .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")), result.errors());
    }
    return result.intake();
  }
}
