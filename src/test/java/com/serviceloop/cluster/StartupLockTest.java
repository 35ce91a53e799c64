package com.serviceloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The start-up lock serialises nodes on PostgreSQL and is nothing on H2. */
class StartupLockTest {

  @Test
  void onH2ThereIsNoLock() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:startup-lock-test");
    assertThat(new StartupLock(h2, Duration.ofSeconds(1)).held()).isFalse();
  }

  /** The PostgreSQL suite (.ci/run): a second node waits until the first is ready, or gives up. */
  @Test
  @Tag("postgres")
  void onPostgresASecondNodeWaitsForTheFirst() throws Exception {
    DriverManagerDataSource pg = new DriverManagerDataSource(System.getenv("SERVICELOOP_TEST_DB_URL"),
        System.getenv().getOrDefault("SERVICELOOP_TEST_DB_USER", "postgres"),
        System.getenv().getOrDefault("SERVICELOOP_TEST_DB_PASSWORD", ""));
    StartupLock first = new StartupLock(pg, Duration.ofSeconds(5));
    assertThat(first.held()).isTrue();
    assertThatThrownBy(() -> new StartupLock(pg, Duration.ofMillis(800)))
        .hasMessageContaining("start-up lock");
    CompletableFuture<StartupLock> second = CompletableFuture.supplyAsync(() -> {
      try {
        return new StartupLock(pg, Duration.ofSeconds(20));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1_000);
    assertThat(second).isNotDone();
    first.release();
    StartupLock next = second.get(10, TimeUnit.SECONDS);
    assertThat(next.held()).isTrue();
    next.release();
  }
}
