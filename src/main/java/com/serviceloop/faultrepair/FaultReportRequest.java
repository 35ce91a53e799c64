package com.serviceloop.faultrepair;

import com.serviceloop.common.PhoneNumbers;
import static com.serviceloop.faultrepair.FaultVariables.*;
import static com.serviceloop.installation.BroadbandOrderRequest.choice;
import static com.serviceloop.installation.BroadbandOrderRequest.text;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IntakeWindow;
import com.serviceloop.installation.BroadbandOrderRequest;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fault report's intake, from the API's JSON or the start form's variables (the same flat names):
 * customerPhone, customerName, region, area, service, channel, description, receivedAt (default now),
 * customerSegment (default PUBLIC).
 */
public final class FaultReportRequest {

  private FaultReportRequest() {}

  /** receivedAt must lie inside the intake window; {@code json}: the API's JSON (receivedAt must be text). */
  public static FaultReport fromVariables(Map<String, Object> vars, ZoneId zone, IntakeWindow window, boolean json) {
    return fromVariables(vars, zone, window, json, List.of());
  }

  /** As above, with the bad fields found before (the API's unknown properties) reported with the others. */
  public static FaultReport fromVariables(Map<String, Object> vars, ZoneId zone, IntakeWindow window, boolean json,
      List<FieldError> found) {
    List<FieldError> errors = new ArrayList<>(found);
    Instant now = WorkOrderRepository.now();
    String phone = text(vars, CUSTOMER_PHONE, errors);
    if (phone != null && !PhoneNumbers.isValid(phone)) {
      errors.add(new FieldError(CUSTOMER_PHONE, "customerPhone must be a mobile (1xxxxxxxxxx) or fixed-line number"));
    }
    String name = text(vars, CUSTOMER_NAME, errors);
    String region = text(vars, REGION, errors);
    FaultReport.Area area = choice(vars, AREA, FaultReport.Area.class, errors);
    FaultReport.Service service = choice(vars, SERVICE, FaultReport.Service.class, errors);
    FaultReport.Channel channel = choice(vars, CHANNEL, FaultReport.Channel.class, errors);
    String description = text(vars, DESCRIPTION, errors);
    Instant receivedAt = window.moment(vars, RECEIVED_AT, json, zone, now, "2026-11-20T17:00+08:00", errors);
    FaultReport.Segment segment = FaultReport.Segment.PUBLIC;
    Object rawSegment = vars.get(CUSTOMER_SEGMENT);
    if (rawSegment != null && !rawSegment.toString().isBlank()) {
      segment = choice(vars, CUSTOMER_SEGMENT, FaultReport.Segment.class, errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The fault report has " + errors.size() + " invalid field(s): "
          + String.join("; ", errors.stream().map(FieldError::message).toList()), errors);
    }
    return new FaultReport(phone, name, region, area, service, channel, description,
        receivedAt != null ? receivedAt : now, segment);
  }
}
