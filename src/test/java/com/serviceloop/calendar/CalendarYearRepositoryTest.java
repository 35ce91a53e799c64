package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's schedules as the deadlines see them: once per transaction (an engine command computes several
 * deadlines with one look at the table), and a schedule another node stored counts from the next transaction.
 */
@ServiceLoopTest
class CalendarYearRepositoryTest {

  @Autowired CalendarYearRepository years;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clearSchedules() {
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  @Test
  void aTransactionKeepsTheSchedulesItFirstSaw_theNextTransactionSeesAnotherNodesUploadAtOnce() throws Exception {
    HolidaySchedule schedule2027 = HolidayScheduleTest.exampleSchedule();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(years.current().years()).doesNotContainKey(2027);
      // another node: its own connection and transaction, committed while this transaction runs
      CompletableFuture.runAsync(() -> years.store(schedule2027, CalendarYearRepository.Origin.API, null, "admin"))
          .join();
      assertThat(years.current().years()).as("the same transaction's later deadlines").doesNotContainKey(2027);
    });
    Map<Integer, ?> nextTransaction =
        new TransactionTemplate(transactions).execute(status -> years.current().years());
    assertThat(nextTransaction).as("the next transaction").containsKey(2027);
    assertThat(years.current().years()).as("outside a transaction").containsKey(2027);
  }

  @Test
  void aTransactionThatStoresASchedule_computesItsNextDeadlinesWithIt() throws Exception {
    HolidaySchedule schedule2027 = HolidayScheduleTest.exampleSchedule();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      assertThat(years.current().years()).doesNotContainKey(2027);
      years.store(schedule2027, CalendarYearRepository.Origin.API, null, "admin");
      assertThat(years.current().years()).containsKey(2027);
    });
  }
}
