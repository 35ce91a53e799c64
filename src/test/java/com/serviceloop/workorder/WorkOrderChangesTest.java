package com.serviceloop.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ServiceLoopTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12: a step's changes written as one UPDATE ({@link WorkOrderRepository#changes}) leave the work order
 * exactly as the single methods one after the other do — the deadlines, warnings, routing, first contact,
 * resolution and round a complaint's steps write, and the earliest unscheduled year.
 */
@ServiceLoopTest
class WorkOrderChangesTest {

  static final String REGION = "工单合并写测试区";
  static final Instant RECEIVED = Instant.parse("2026-11-20T01:00:00Z");
  static final Instant FIRST_CONTACT_DUE = Instant.parse("2026-11-20T05:00:00Z");
  static final Instant CLOSURE_DUE = Instant.parse("2026-11-23T09:00:00Z");

  @Autowired WorkOrderRepository workOrders;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    clear();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T02:00:00Z")));
  }

  @AfterEach
  void tearDown() {
    clear();
    ClockUtil.reset();
  }

  void clear() {
    jdbc.update("DELETE FROM sl_work_order WHERE region = ?", REGION);
  }

  String newOrder() {
    return workOrders.create(new NewWorkOrder(OrderType.COMPLAINT, "OPEN", null, "HOTLINE", "BROADBAND", REGION,
        "PERSONAL", "GOLD", "CT", "13900077001", "测试", "网速慢", null, null, RECEIVED));
  }

  /** The row without what tells two orders apart (id, number). */
  Map<String, Object> row(String orderNo) {
    Map<String, Object> row = new LinkedHashMap<>();
    workOrders.row(orderNo).forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
    row.remove("id");
    row.remove("order_no");
    return row;
  }

  @Test
  void everyStepOfAComplaintWritesTheSameRowInOneUpdateAsInSeveral() {
    String single = newOrder();
    String combined = newOrder();
    Instant[] firstContactWarnings = {Instant.parse("2026-11-20T03:00:00Z"), Instant.parse("2026-11-20T04:00:00Z")};
    Instant[] closureWarnings = {Instant.parse("2026-11-22T09:00:00Z"), Instant.parse("2026-11-23T05:00:00Z")};

    // compute deadlines
    workOrders.setServiceLevel(single, 2, FIRST_CONTACT_DUE, "WORKING", CLOSURE_DUE, CLOSURE_DUE, "NATURAL");
    workOrders.flagUnscheduledYear(single, OptionalInt.of(2031));
    workOrders.flagUnscheduledYear(single, OptionalInt.of(2030));
    workOrders.setWarningsDue(single, SlaClock.FIRST_CONTACT, firstContactWarnings[0], firstContactWarnings[1], true);
    workOrders.setWarningsDue(single, SlaClock.CLOSURE, closureWarnings[0], closureWarnings[1], true);
    workOrders.changes(combined)
        .serviceLevel(2, FIRST_CONTACT_DUE, "WORKING", CLOSURE_DUE, CLOSURE_DUE, "NATURAL")
        .unscheduledYear(OptionalInt.of(2031))
        .unscheduledYear(OptionalInt.of(2030))
        .warningsDue(SlaClock.FIRST_CONTACT, firstContactWarnings[0], firstContactWarnings[1], true)
        .warningsDue(SlaClock.CLOSURE, closureWarnings[0], closureWarnings[1], true)
        .apply();
    assertThat(row(combined)).isEqualTo(row(single));
    assertThat(workOrders.unscheduledYear(combined)).contains(2030);
    assertThat(row(combined)).containsEntry("priority", 2).containsEntry("first_contact_time_mode", "WORKING");
    assertThat(row(combined).get("first_closure_due")).isNotNull();

    // record assignment
    workOrders.setRouting(single, "BROADBAND_ASSURANCE", "complaint-handlers");
    workOrders.setFirstContactOwner(single, "hotline-agents");
    workOrders.changes(combined).routing("BROADBAND_ASSURANCE", "complaint-handlers")
        .firstContactOwner("hotline-agents").apply();
    assertThat(row(combined)).isEqualTo(row(single)).containsEntry("first_contact_owner", "hotline-agents");

    // first contact, after its deadline, with an on-site appointment
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T06:00:00Z")));
    Instant appointment = Instant.parse("2026-11-21T02:00:00Z");
    workOrders.recordFirstContact(single, WorkOrderRepository.now());
    workOrders.recordAppointment(single, appointment);
    workOrders.changes(combined).firstContact(WorkOrderRepository.now()).appointment(appointment).apply();
    assertThat(row(combined)).isEqualTo(row(single)).containsEntry("first_contact_on_time", false)
        .containsEntry("on_site_appointment", true);

    // record resolution, on time
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-22T02:00:00Z")));
    workOrders.recordResolution(single, "端口更换", "NETWORK", "网络部", "REFUND", new BigDecimal("12.50"));
    workOrders.recordCompletion(single, WorkOrderRepository.now());
    workOrders.changes(combined).resolution("端口更换", "NETWORK", "网络部", "REFUND", new BigDecimal("12.50"))
        .completion(WorkOrderRepository.now()).apply();
    assertThat(row(combined)).isEqualTo(row(single)).containsEntry("completion_on_time", true)
        .containsEntry("root_cause", "NETWORK");

    // an unsatisfied customer, after the first closure deadline: a new round, its year and its warnings
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T02:00:00Z")));
    Instant newDue = Instant.parse("2026-11-26T02:00:00Z");
    Instant[] roundWarnings = {Instant.parse("2026-11-25T02:00:00Z"), Instant.parse("2026-11-25T20:00:00Z")};
    workOrders.startNewRound(single, newDue);
    workOrders.flagUnscheduledYear(single, OptionalInt.of(2029));
    workOrders.setWarningsDue(single, SlaClock.CLOSURE, roundWarnings[0], roundWarnings[1], true);
    workOrders.changes(combined).newRound(newDue).unscheduledYear(OptionalInt.of(2029))
        .warningsDue(SlaClock.CLOSURE, roundWarnings[0], roundWarnings[1], true).apply();
    assertThat(row(combined)).isEqualTo(row(single)).containsEntry("rounds", 2)
        .containsEntry("first_closure_on_time", false);
    assertThat(workOrders.unscheduledYear(combined)).contains(2029);
  }

  @Test
  void anEarlierUnscheduledYearStaysAndNoChangeWritesNothing() {
    String orderNo = newOrder();
    workOrders.flagUnscheduledYear(orderNo, OptionalInt.of(2028));
    Object updatedAt = row(orderNo).get("updated_at");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T03:00:00Z")));

    workOrders.changes(orderNo).unscheduledYear(OptionalInt.empty()).apply();
    assertThat(row(orderNo).get("updated_at")).isEqualTo(updatedAt);

    workOrders.changes(orderNo).unscheduledYear(OptionalInt.of(2030)).unscheduledYear(OptionalInt.of(2029))
        .firstContactOwner("hotline-agents").apply();
    assertThat(workOrders.unscheduledYear(orderNo)).contains(2028);
    assertThat(row(orderNo).get("first_contact_owner")).isEqualTo("hotline-agents");
  }

  @Test
  void changesOfAnOrderThatDoesNotExistFailLikeTheSingleMethods() {
    assertThatThrownBy(() -> workOrders.changes("CMP-999999999").routing("M", "g").firstContactOwner("u").apply())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No work order CMP-999999999");
  }
}
