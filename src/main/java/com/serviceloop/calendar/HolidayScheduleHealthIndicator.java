package com.serviceloop.calendar;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code holidaySchedule} in /actuator/health: always UP (a missing schedule must not take a node out of
 * service; it is not in the readiness group either), with the sources of this year's and next year's
 * schedules and, from 1 November when next year's is missing, a {@code warning}.
 */
@Component
@RequiredArgsConstructor
public class HolidayScheduleHealthIndicator implements HealthIndicator {

  private final HolidayScheduleStatus status;

  @Override
  public Health health() {
    Instant now = WorkOrderRepository.now();
    List<HolidayScheduleStatus.MissingSchedule> missing = status.missing(now);
    Health.Builder health = Health.up()
        .withDetail("today", status.today(now).toString())
        .withDetail("schedules", status.sources(now).entrySet().stream()
            .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> e.getValue().name(), (a, b) -> a,
                java.util.LinkedHashMap::new)));
    if (!missing.isEmpty()) {
      health.withDetail("warning", missing.stream().map(HolidayScheduleStatus.MissingSchedule::message)
          .collect(Collectors.joining("; ")));
      health.withDetail("missingYears", missing.stream().map(HolidayScheduleStatus.MissingSchedule::year).toList());
    }
    return health.build();
  }
}
