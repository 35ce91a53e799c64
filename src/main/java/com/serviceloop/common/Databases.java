package com.serviceloop.common;

import java.sql.Connection;
import java.sql.SQLException;

/** Which of the two supported databases a connection talks to: PostgreSQL in production, else the embedded H2. */
public final class Databases {

  private Databases() {}

  public static boolean isPostgreSql(Connection connection) throws SQLException {
    return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
  }
}
