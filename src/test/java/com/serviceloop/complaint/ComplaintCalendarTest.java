package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.calendar.CalendarProperties;
import com.serviceloop.calendar.CalendarYearRepository;
import com.serviceloop.calendar.HolidaySchedule;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.workorder.WorkOrder;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The complaint's deadlines and the holiday schedule: the closure is never due before the first contact, and a
 * deadline that runs into a year without a schedule is flagged on the work order and shown in its lookups.
 */
@ServiceLoopTest
class ComplaintCalendarTest extends ComplaintProcessTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired CalendarYearRepository years;
  @Autowired CalendarProperties calendarProperties;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

  @AfterEach
  void clearSchedules() {
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  ProcessInstance receivedAt(String receivedAt) {
    Map<String, Object> intake = intake(newPhone());
    intake.put("receivedAt", receivedAt);
    return startComplaint(intake);
  }

  JsonNode lookup(String url) {
    TestUsers.ensure(identity, "calcmphotline", "hotline");
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("calcmphotline", TestUsers.PASSWORD).getForEntity(url,
        JsonNode.class);
    assertThat(answer.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @Test
  void aNaturalDayClosureIsNeverDueBeforeTheWorkingHoursFirstContact() {
    // received before National Day: PT2H working → Thu 10-08 10:00; P7D natural would be Wed 10-07 17:00
    clockAt("2026-09-30T17:05+08:00");
    ProcessInstance complaint = receivedAt("2026-09-30T17:00+08:00");
    WorkOrder order = workOrder(complaint);
    assertThat(order.firstContactDue()).isEqualTo(at("2026-10-08T10:00+08:00").toInstant());
    assertThat(order.closureDue()).isEqualTo(at("2026-10-08T10:00+08:00").toInstant());
    assertThat(order.completionDue()).isEqualTo(at("2026-10-08T10:00+08:00").toInstant());
    assertThat(runtimeService.getVariable(complaint.getId(), ComplaintVariables.CLOSURE_DUE))
        .isEqualTo(at("2026-10-08T10:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-10-08T10:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-10-08T10:00+08:00"));
    assertThat(workOrders.unscheduledYear(order.orderNo())).isEmpty();
    runtimeService.deleteProcessInstance(complaint.getId(), "test over");
  }

  @Test
  void aClosureAfterTheFirstContactIsLeftAsTheDecisionSaysIt() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));   // Friday 2026-11-20 17:00
    assertThat(workOrder(complaint).firstContactDue()).isEqualTo(at("2026-11-23T10:00+08:00").toInstant());
    assertThat(workOrder(complaint).closureDue()).isEqualTo(at("2026-11-27T17:00+08:00").toInstant());
    runtimeService.deleteProcessInstance(complaint.getId(), "test over");
  }

  @Test
  void aDeadlineIntoAYearWithoutSchedule_isFlaggedOnTheWorkOrder_andShownInItsLookups() {
    clockAt("2026-12-31T17:05+08:00");
    ProcessInstance complaint = receivedAt("2026-12-31T17:00+08:00");
    String orderNo = orderNo(complaint);
    assertThat(workOrder(complaint).firstContactDue()).isEqualTo(at("2027-01-01T10:00+08:00").toInstant());
    assertThat(workOrders.unscheduledYear(orderNo)).contains(2027);
    assertThat(lookup("/api/complaints/" + orderNo).get("deadlineUnscheduledYear").asInt()).isEqualTo(2027);
    assertThat(lookup("/api/work-orders/" + orderNo).get("deadlineUnscheduledYear").asInt()).isEqualTo(2027);
    runtimeService.deleteProcessInstance(complaint.getId(), "test over");

    clockAt("2026-11-20T17:05+08:00");
    ProcessInstance inside2026 = startComplaint(intake(newPhone()));   // Friday 2026-11-20 17:00
    assertThat(workOrders.unscheduledYear(orderNo(inside2026))).isEmpty();
    assertThat(lookup("/api/complaints/" + orderNo(inside2026)).has("deadlineUnscheduledYear")).isFalse();
    runtimeService.deleteProcessInstance(inside2026.getId(), "test over");
  }

  @Test
  void withThe2027ScheduleFromTheOperator_theDeadlineSkipsNewYearsDay_andIsNotFlagged() throws Exception {
    HolidaySchedule example;
    try (InputStream in = getClass().getResourceAsStream("/calendar-examples/holidays-2027.example.json")) {
      example = HolidaySchedule.read(json.readTree(in), 2027, calendarProperties.workingDays());
    }
    years.store(example, CalendarYearRepository.Origin.API, null, "admin");
    clockAt("2026-12-31T17:05+08:00");
    ProcessInstance complaint = receivedAt("2026-12-31T17:00+08:00");
    // 1 h on Thursday, Friday 1 January a holiday, Saturday 2 January a make-up working day (invented example)
    assertThat(workOrder(complaint).firstContactDue()).isEqualTo(at("2027-01-02T10:00+08:00").toInstant());
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2027-01-02T10:00+08:00"));
    assertThat(workOrders.unscheduledYear(orderNo(complaint))).isEmpty();
    runtimeService.deleteProcessInstance(complaint.getId(), "test over");
  }
}
