package com.serviceloop.cluster;

import com.serviceloop.common.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * One node at a time initialises the shared database: a PostgreSQL session advisory lock, taken before
 * the engine creates or updates Camunda's schema and before Flyway migrates the sl_* tables, held
 * through the rest of the start-up writes (the administrator, groups, filters, model deployment) and
 * released when the application is ready. A second node started at the same moment waits, then finds
 * the schema in place. A node that dies while holding it loses its session, and with it the lock.
 * On other databases (the embedded H2 default, one node per file) it does nothing.
 */
public class StartupLock implements DisposableBean {

  /** The advisory lock's key: "ServiceL" as a 64-bit number, so it collides with nobody else's. */
  static final long KEY = 0x536572766963654CL;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection connection;

  public StartupLock(DataSource dataSource, Duration timeout) throws SQLException, InterruptedException {
    Connection c = dataSource.getConnection();
    try {
      if (!Databases.isPostgreSql(c)) {
        c.close();
        return;
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean logged = false;
      while (!tryLock(c)) {
        if (!logged) {
          LOG.info("Another node is initialising the database; waiting for it (at most {})", timeout);
          logged = true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Another node held the database start-up lock for more than " + timeout
              + "; is a node stuck in its start? (serviceloop.cluster.startup-lock-timeout)");
        }
        Thread.sleep(500);
      }
      connection = c;
      LOG.info("Holding the database start-up lock while the schema is checked and migrated");
    } catch (SQLException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  public boolean held() {
    return connection != null;
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (connection == null) {
      return;
    }
    try (Connection c = connection; PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, KEY);
      s.execute();
      LOG.info("Released the database start-up lock");
    } catch (SQLException e) {
      // Closing the session releases the lock anyway (the pool may keep the connection; then it is
      // evicted as broken or the lock goes with the server session).
      LOG.warn("Could not release the database start-up lock explicitly: {}", e.toString());
    } finally {
      connection = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
