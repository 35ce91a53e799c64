package com.serviceloop.complaint.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.api.ForbiddenException;
import com.serviceloop.api.NotFoundException;
import com.serviceloop.common.Moments;
import com.serviceloop.complaint.intake.ComplaintIntakeFields;
import com.serviceloop.complaint.intake.ComplaintIntakeValidator;
import com.serviceloop.complaint.intake.RegulatorReferrals;
import com.serviceloop.intake.OrderIntake;
import com.serviceloop.intake.OrderIntakeController;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint intake for channel systems and agents (HTTP Basic, see SecurityConfiguration):
 * POST /api/complaints records a complaint and starts complaint-handling (the skeleton:
 * {@link OrderIntakeController}; the authenticated user becomes its initiator, the first-contact owner);
 * GET /api/complaints/{orderNo} shows its work order. Errors have the shape of com.serviceloop.api.ApiError.
 */
@RestController
@RequestMapping(path = ComplaintController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class ComplaintController extends OrderIntakeController {

  static final String PATH = "/api/complaints";
  public static final String PROCESS_KEY = "complaint-handling";

  private final ComplaintIntakeValidator validator;
  private final ObjectMapper json;

  public ComplaintController(OrderIntake intake, ComplaintIntakeValidator validator, ObjectMapper json) {
    super(intake, PATH, PROCESS_KEY, "record complaints");
    this.validator = validator;
    this.json = json;
  }

  /** A REGULATOR referral may be recorded only by service supervision or a channel system: 403 for anyone else. */
  @Override
  protected void requireMayRecord(Map<String, Object> complaint) {
    if (RegulatorReferrals.CHANNEL.equals(complaint.get(ComplaintIntakeFields.CHANNEL))
        && !intake.caller().isInAnyGroup(RegulatorReferrals.GROUPS.toArray(String[]::new))) {
      throw new ForbiddenException(RegulatorReferrals.REFUSED);
    }
  }

  @Override
  protected Map<String, Object> variables(Map<String, Object> complaint) {
    return validator.require(complaint, WorkOrderRepository.now(), ComplaintIntakeValidator.Source.JSON)
        .toProcessVariables();
  }

  /** The routing (or that it waits for triage by service supervision), the deadlines and the priority. */
  @Override
  protected void answer(VariableMap result, WorkOrder order, Map<String, Object> body) {
    body.put("routing", new Routing(order.assuranceModule(), order.responsibleGroup(), order.assuranceModule() == null));
    body.put("deadlines", new Deadlines(Moments.iso(order.firstContactDue(), intake.zone()),
        Moments.iso(order.closureDue(), intake.zone())));
    if (order.priority() != null) {
      body.put("priority", order.priority());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Routing(String assuranceModule, String responsibleGroup, boolean triage) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Deadlines(String firstContactDue, String closureDue) {}

  @GetMapping("/{orderNo}")
  public Map<String, Object> show(@PathVariable String orderNo) {
    WorkOrder order = intake.workOrders().find(orderNo)
        .filter(found -> found.type() == OrderType.COMPLAINT)
        .orElseThrow(() -> new NotFoundException("No complaint " + orderNo));
    return view(order);
  }

  /** Every column of the work order; instants in the operator's zone, the template fields as JSON. */
  private Map<String, Object> view(WorkOrder order) {
    WorkOrderRepository workOrders = intake.workOrders();
    Map<String, Object> view = new LinkedHashMap<>();
    for (var component : WorkOrder.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(order);
        String name = component.getName();
        if (value instanceof Instant instant) {
          value = Moments.iso(instant, intake.zone());
        } else if ("detailsJson".equals(name)) {
          name = "details";
          value = value == null ? null : readJson((String) value);
        } else if ("id".equals(name)) {
          continue;
        }
        if (value != null) {
          view.put(name, value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    // a working-time deadline runs into a year without a holiday schedule (docs/calendar.md)
    workOrders.unscheduledYear(order.orderNo()).ifPresent(year -> view.put("deadlineUnscheduledYear", year));
    // each clock's SLA warnings: when due, the level reached and when (docs/complaint.md)
    workOrders.slaWarnings(order.orderNo()).forEach((name, value) ->
        view.put(name, value instanceof Instant instant ? Moments.iso(instant, intake.zone()) : value));
    return view;
  }

  private Object readJson(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return text;
    }
  }
}
