package com.serviceloop.cluster;

import com.serviceloop.common.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
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
 * <p>Only on PostgreSQL, whose catalog locks are per object. H2 takes one lock, on its SYS table, for every
 * schema change until the change's transaction ends, and gives up after a second: with the engine creating its
 * tables at the same moment, Flyway's DDL failed with "Timeout trying to lock table SYS" (seen in CI on an empty
 * H2 file). On any other database the migration runs in place, in the initializer's call, as Spring Boot runs it.
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

  /** Starts the migration on its own thread where the database is PostgreSQL; elsewhere {@link #migrate} runs it. */
  public ParallelMigration(Flyway flyway) {
    this(flyway, isPostgreSql(flyway.getConfiguration().getDataSource()));
  }

  /** {@code beside}: start {@code flyway.migrate()} (validation included, as configured) on "serviceloop-migration". */
  ParallelMigration(Flyway flyway, boolean beside) {
    if (!beside) {
      migration = null;
      return;
    }
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

  /** Whether the migration runs beside the engine's build (PostgreSQL) rather than in the initializer's call. */
  boolean runsBeside() {
    return migration != null;
  }

  private static boolean isPostgreSql(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return Databases.isPostgreSql(c);
    } catch (SQLException e) {
      return false; // in place: Flyway reports the database's trouble itself
    }
  }

  /** Called by Spring Boot's flywayInitializer: waits for the migration started above; its failure is the start's. */
  @Override
  public void migrate(Flyway flyway) {
    if (migration == null) {
      flyway.migrate();
      return;
    }
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
    if (migration == null) {
      return;
    }
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
