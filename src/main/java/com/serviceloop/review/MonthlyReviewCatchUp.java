package com.serviceloop.review;

import static com.serviceloop.review.MonthlyReviewVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up: every past month since the first work order (at most {@code serviceloop.review.catch-up-months}
 * back) that has no review gets one now — November, when the application was down over the 1st of December
 * and came up on the 2nd. Idempotent and safe on several nodes at once: each month is claimed by its review's
 * first step under the unique month of sl_monthly_review, in the transaction that starts it; a node that
 * loses the race has its start rolled back and moves on. A review started before the record existed (found
 * in the engine's history by its reportMonth, and not cancelled) is adopted, not repeated.
 */
@Component
public class MonthlyReviewCatchUp {

  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReviewCatchUp.class);

  private final JdbcTemplate jdbc;
  private final MonthlyReviewRecord record;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ZoneId zone;
  private final boolean enabled;
  private final int maxMonths;

  public MonthlyReviewCatchUp(JdbcTemplate jdbc, MonthlyReviewRecord record, RuntimeService runtime,
      HistoryService history, @Value("${serviceloop.calendar.zone:Asia/Shanghai}") String zone,
      @Value("${serviceloop.review.catch-up-enabled:true}") boolean enabled,
      @Value("${serviceloop.review.catch-up-months:12}") int maxMonths) {
    this.jdbc = jdbc;
    this.record = record;
    this.runtime = runtime;
    this.history = history;
    this.zone = ZoneId.of(zone);
    this.enabled = enabled;
    this.maxMonths = maxMonths;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    if (!enabled) {
      LOG.info("Catch-up of missed monthly reviews is off (serviceloop.review.catch-up-enabled)");
      return;
    }
    List<YearMonth> started = catchUp(WorkOrderRepository.now());
    LOG.info("Catch-up of missed monthly reviews: {}", started.isEmpty() ? "none missed" : "started " + started);
  }

  /** Starts the missing reviews of the months before {@code now}'s; returns the months started here. */
  public List<YearMonth> catchUp(Instant now) {
    List<YearMonth> started = new ArrayList<>();
    OffsetDateTime first = jdbc.queryForObject("SELECT MIN(received_at) FROM sl_work_order", OffsetDateTime.class);
    if (first == null) {
      return started;
    }
    YearMonth current = YearMonth.from(now.atZone(zone));
    YearMonth from = YearMonth.from(first.toInstant().atZone(zone));
    if (from.isBefore(current.minusMonths(maxMonths))) {
      from = current.minusMonths(maxMonths);
    }
    for (YearMonth month = from; month.isBefore(current); month = month.plusMonths(1)) {
      if (record.reviewOf(month).isPresent()) {
        LOG.debug("{} has its review", month);
        continue;
      }
      // a review cancelled by an operator (deleted) does not count: the month is reviewed again
      List<HistoricProcessInstance> earlier = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(PROCESS_ID).variableValueEquals(REPORT_MONTH, month.toString())
          .orderByProcessInstanceStartTime().asc().listPage(0, 20).stream()
          .filter(pi -> !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(pi.getState()))
          .limit(1).toList();
      try {
        if (!earlier.isEmpty()) {
          LOG.info("{} was reviewed before the record was kept: process instance {} ({}) adopted", month,
              earlier.get(0).getId(), earlier.get(0).getState());
          record.claim(month, earlier.get(0).getId(), "ADOPTED", earlier.get(0).getStartTime().toInstant());
          continue;
        }
        runtime.createProcessInstanceByKey(PROCESS_ID)
            .setVariable(REPORT_MONTH, month.toString())
            .setVariable(REQUESTED_BY, MonthlyReviewRecord.CATCH_UP)
            .execute();
        started.add(month);
      } catch (RuntimeException e) {
        // another node (or the month's own timer) claimed it first: its review stands
        LOG.info("Review of {} not started here: {}", month, e.getMessage());
      }
    }
    return started;
  }
}
