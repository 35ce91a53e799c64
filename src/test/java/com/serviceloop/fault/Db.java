package com.serviceloop.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's own JDBC access (PostgreSQL directly, not through the proxy; or an H2 file once its
 * node is stopped) to check what the nodes committed. A fresh database per test class, dropped after.
 */
final class Db {

  final String url;
  final String user;
  final String password;

  Db(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The PostgreSQL server of SERVICELOOP_FAULT_PG_* (default the machine's, trust auth, user postgres). */
  static String pgHost() {
    return env("SERVICELOOP_FAULT_PG_HOST", "127.0.0.1");
  }

  static int pgPort() {
    return Integer.parseInt(env("SERVICELOOP_FAULT_PG_PORT", "5432"));
  }

  static String pgUser() {
    return env("SERVICELOOP_FAULT_PG_USER", "postgres");
  }

  static String pgPassword() {
    return env("SERVICELOOP_FAULT_PG_PASSWORD", "");
  }

  static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Drops and creates {@code name} on the PostgreSQL server. */
  static Db freshPostgres(String name) throws SQLException {
    Db admin = new Db("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres", pgUser(), pgPassword());
    admin.update("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin.update("CREATE DATABASE " + name);
    return new Db("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + name, pgUser(), pgPassword());
  }

  static void dropPostgres(String name) throws SQLException {
    new Db("jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres", pgUser(), pgPassword())
        .update("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  void update(String sql, Object... args) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    }
  }

  long count(String sql, Object... args) throws SQLException {
    return ((Number) one(sql, args)).longValue();
  }

  Object one(String sql, Object... args) throws SQLException {
    List<Object[]> rows = rows(sql, args);
    return rows.isEmpty() ? null : rows.get(0)[0];
  }

  List<Object[]> rows(String sql, Object... args) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        List<Object[]> rows = new ArrayList<>();
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = r.getObject(i + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  List<String> strings(String sql, Object... args) throws SQLException {
    return rows(sql, args).stream().map(r -> r[0] == null ? null : r[0].toString()).toList();
  }

  private static void bind(PreparedStatement s, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
