package com.serviceloop.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Flyway's validation and migration of the sl_* tables on a thread of their own, started as soon as the
 * {@link StartupLock} is held and before the process engine builds, so the two run side by side (issue 12, P5:
 * on an empty database the 27 migrations took about a second of the start on the main thread). The migrations
 * touch only ServiceLoop's sl_* tables, never Camunda's ACT_* tables that the engine's build creates or checks.
 *
 * <p>It is also Spring Boot's {@link FlywayMigrationStrategy}: the {@code flywayInitializer} bean, which every
 * bean that uses the database's sl_* tables is ordered after, waits here until the migration has finished, and a
 * failed validation or migration stops the start with Flyway's own exception — as when Flyway ran in place.
 */
public class ParallelMigration implements FlywayMigrationStrategy, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ParallelMigration.class);
  /** How long closing the context waits for a migration still running (e.g. the engine's build failed). */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  private final CompletableFuture<MigrateResult> migration;

  /** Starts {@code flyway.migrate()} (validation included, as configured) on the thread "serviceloop-migration". */
  public ParallelMigration(Flyway flyway) {
    migration = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        migration.complete(flyway.migrate());
      } catch (Throwable failed) {
        migration.completeExceptionally(failed);
      }
    }, "serviceloop-migration");
    thread.setDaemon(true);
    thread.start();
  }

  /** Called by Spring Boot's flywayInitializer: waits for the migration started above; its failure is the start's. */
  @Override
  public void migrate(Flyway flyway) {
    long waitedFrom = System.nanoTime();
    try {
      MigrateResult result = migration.join();
      LOG.debug("Migration finished ({} applied); waited {} ms for it", result.migrationsExecuted,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitedFrom));
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** The context closes before the initializer waited (another bean failed): the pool stays until Flyway is done. */
  @Override
  public void destroy() {
    try {
      migration.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("The database migration still runs after {}; closing anyway", CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception failedAndReportedElsewhere) {
      // the initializer rethrows it, or the start has already failed for another reason
    }
  }
}
