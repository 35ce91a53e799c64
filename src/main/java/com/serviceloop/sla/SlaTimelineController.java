package com.serviceloop.sla;

import com.serviceloop.api.NotFoundException;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.OrderNumbers;
import com.serviceloop.workorder.WorkOrderRepository;
import com.serviceloop.workorder.WorkOrderView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/work-orders/{orderNo}/sla: each clock of a work order — its start, target, state (RUNNING, PAUSED,
 * MET, BREACHED), the time elapsed and remaining (natural and working time, with the time mode the rule
 * counted the target in when the order keeps it), its pauses (an open-ended one with its latest end, and its
 * real end once the case resumed), its warnings and its breach — read from the facts the processes stored. The same readers as the order page.
 */
@RestController
@RequiredArgsConstructor
public class SlaTimelineController {

  /** A clock: which order types have it, the work order facts it is read from, its breach reason. */
  record Clock(String id, String name, List<String> types, String start, String due, String done, String breach,
      String warnings, String timeMode) {}

  static final List<Clock> CLOCKS = List.of(
      new Clock("FIRST_CONTACT", "首次联系 First contact", List.of("COMPLAINT", "FAULT_REPAIR"), "receivedAt",
          "firstContactDue", "firstContactAt", "FIRST_CONTACT_OVERDUE", "firstContact", "firstContactTimeMode"),
      new Clock("CLOSURE", "办结 Closure", List.of("COMPLAINT"), "receivedAt", "closureDue", "closedAt",
          "CLOSURE_OVERDUE", "closure", "completionTimeMode"),
      new Clock("REGULATOR_REPLY", "回复管局 Reply to the regulator", List.of("COMPLAINT"), "receivedAt",
          "regulatorReplyDue", "regulatorReportedAt", "REGULATOR_REPLY_OVERDUE", null, null),
      new Clock("EXTRACTION", "提取预登记 Extraction", List.of("INSTALLATION"), "receivedAt", "extractionDue",
          "extractedAt", "EXTRACTION_OVERDUE", "extraction", null),
      new Clock("APPOINTMENT", "预约 Appointment", List.of("INSTALLATION"), "receivedAt", "appointmentDue",
          "appointmentBookedAt", "APPOINTMENT_OVERDUE", "appointment", null),
      new Clock("INSTALLATION", "装机承诺 Installation promise", List.of("INSTALLATION"), "receivedAt",
          "installationDue", "completedAt", "INSTALLATION_OVERDUE", "installation", null),
      new Clock("REPAIR", "修复 Repair", List.of("FAULT_REPAIR"), "receivedAt", "completionDue", "completedAt",
          "REPAIR_OVERDUE", "completion", "completionTimeMode"));

  private final WorkOrderView view;
  private final WorkingTimeCalendar calendar;
  private final ApiCaller caller;
  private final SlaPauses pauses;

  @GetMapping("/api/work-orders/{orderNo}/sla")
  public Map<String, Object> timeline(@PathVariable String orderNo) {
    String number = OrderNumbers.require(orderNo);
    Map<String, Object> order = view.find(number, caller.isInAnyGroup(LookupAccess.PERSONAL_DATA))
        .orElseThrow(() -> new NotFoundException("No work order " + number));
    Instant now = WorkOrderRepository.now();
    List<SlaPauses.Pause> paused = pauses.of(number);
    List<Map<String, Object>> clocks = new ArrayList<>();
    for (Clock clock : CLOCKS) {
      if (clock.types().contains(order.get("orderType")) && order.get(clock.due()) != null) {
        clocks.add(clock(clock, order, now, paused.stream().filter(p -> p.clock().name().equals(clock.id())).toList()));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderNo", number);
    body.put("orderType", order.get("orderType"));
    body.put("status", order.get("status"));
    body.put("at", view.iso(now));
    body.put("clocks", clocks);
    return body;
  }

  private Map<String, Object> clock(Clock clock, Map<String, Object> order, Instant now, List<SlaPauses.Pause> paused) {
    Instant start = instant(order.get(clock.start()));
    Instant due = instant(order.get(clock.due()));
    Instant done = instant(order.get(clock.done()));
    Instant end = done != null ? done : now;
    boolean pausedNow = done == null && paused.stream().anyMatch(p -> p.moved() && !now.isBefore(p.from())
        && now.isBefore(p.end()));
    String state = done != null ? (done.isAfter(due) ? "BREACHED" : "MET")
        : now.isAfter(due) ? "BREACHED" : pausedNow ? "PAUSED" : "RUNNING";
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("clock", clock.id());
    json.put("name", clock.name());
    json.put("state", state);
    json.put("startedAt", view.iso(start));
    json.put("target", view.iso(due));
    if (clock.timeMode() != null && order.get(clock.timeMode()) != null) {
      json.put("timeMode", order.get(clock.timeMode())); // the mode its rule counted the target in
    }
    if (done != null) {
      json.put("stoppedAt", view.iso(done));
    }
    if (start != null && !end.isBefore(start)) {
      json.put("elapsed", Map.of("natural", Duration.between(start, end).toString(),
          "working", calendar.workingTimeBetween(start, end).toString()));
    }
    if (done == null && due.isAfter(now)) {
      json.put("remaining", Map.of("natural", Duration.between(now, due).toString(),
          "working", calendar.workingTimeBetween(now, due).toString()));
    }
    if (clock.id().equals("CLOSURE") && order.get("firstClosureDue") != null
        && !order.get("firstClosureDue").equals(order.get(clock.due()))) {
      json.put("firstRoundTarget", order.get("firstClosureDue")); // the KPI judges the case by this one
    }
    if (clock.warnings() != null) {
      List<Map<String, Object>> warnings = new ArrayList<>();
      Object reached = order.get(clock.warnings() + "WarnedLevel");
      for (int level = 1; level <= 2; level++) {
        Object at = order.get(clock.warnings() + "Warn" + level + "At");
        if (at != null) {
          boolean fired = reached instanceof Number n && n.intValue() >= level;
          warnings.add(Map.of("level", level, "due", at, "fired", fired));
        }
      }
      json.put("warnings", warnings);
    }
    if (!paused.isEmpty()) {
      json.put("pauses", paused.stream().map(p -> {
        Map<String, Object> pause = new LinkedHashMap<>();
        pause.put("reason", p.reason());
        pause.put("from", view.iso(p.from()));
        pause.put("until", view.iso(p.end())); // an open-ended pause's real end once it ended
        if (p.openEnded()) { // its end was not known when it began: applied up to latestUntil, then shortened
          pause.put("openEnded", true);
          pause.put("latestUntil", view.iso(p.until()));
        }
        pause.put("timeMode", p.mode().name());
        pause.put("pausedFor", p.pausedFor().toString());
        pause.put("targetBefore", view.iso(p.dueBefore()));
        pause.put("targetAfter", view.iso(p.dueAfter()));
        pause.put("moved", p.moved()); // false: the clock had already breached, a pause never un-breaches it
        return pause;
      }).toList());
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> breaches = (List<Map<String, Object>>) order.getOrDefault("breaches", List.of());
    breaches.stream().filter(b -> clock.breach().equals(b.get("reason"))).findFirst()
        .ifPresent(b -> json.put("breach", Map.of("deadline", b.get("deadline"), "detectedAt", b.get("detectedAt"))));
    return json;
  }

  private static Instant instant(Object iso) {
    return iso == null ? null : OffsetDateTime.parse(iso.toString()).toInstant();
  }
}
