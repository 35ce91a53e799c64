package com.serviceloop.benchmark.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The lifecycle benchmark's JDBC meter, active only with the profile {@code jdbc-count} (the benchmark
 * starts both applications with it): wraps the application's DataSource in a datasource-proxy and counts
 * every statement sent to the database, by kind, the time spent executing them and the rows they wrote.
 * {@code GET /benchmark/jdbc} answers the running totals; the driver takes differences around a round.
 *
 * <p>One statement = one execution on the database: a JDBC batch of n parameter sets counts n (that is
 * what the database executes). JDBC time = wall time inside execute*, summed over all threads
 * (commits and connection checkout are not in it). Rows written = the update counts of INSERT, UPDATE
 * and DELETE statements.
 */
@Configuration(proxyBeanMethods = false)
@Profile("jdbc-count")
public class JdbcCounting {

  static final LongAdder SELECTS = new LongAdder();
  static final LongAdder INSERTS = new LongAdder();
  static final LongAdder UPDATES = new LongAdder();
  static final LongAdder DELETES = new LongAdder();
  static final LongAdder OTHER = new LongAdder();
  static final LongAdder ROWS_WRITTEN = new LongAdder();
  static final LongAdder NANOS = new LongAdder();
  /** Executions per statement text (whitespace collapsed): where the statements of a lifecycle come from. */
  static final java.util.concurrent.ConcurrentHashMap<String, LongAdder> BY_TEXT =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();
  /**
   * Diagnosis: statements whose text matches {@code -Djdbc.trace=REGEX} are counted per call site (the
   * com.serviceloop frames and the engine command of the stack), answered by GET /benchmark/jdbc/traces.
   */
  private static final java.util.regex.Pattern TRACE = System.getProperty("jdbc.trace", "").isEmpty() ? null
      : java.util.regex.Pattern.compile(System.getProperty("jdbc.trace"), java.util.regex.Pattern.CASE_INSENSITIVE);
  static final java.util.concurrent.ConcurrentHashMap<String, LongAdder> TRACES =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Bean
  static BeanPostProcessor jdbcCountingDataSourceWrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
          return ProxyDataSourceBuilder.create(beanName, dataSource).listener(new Meter()).build();
        }
        return bean;
      }
    };
  }

  /** The running totals (GET /benchmark/jdbc); a route, so no controller class is component-scanned. */
  @Bean
  RouterFunction<ServerResponse> jdbcCountRoute() {
    return RouterFunctions.route().GET("/benchmark/jdbc", request -> ServerResponse.ok().body(totals()))
        .GET("/benchmark/jdbc/statements", request -> ServerResponse.ok().body(byText()))
        .GET("/benchmark/jdbc/traces", request -> ServerResponse.ok().body(traces())).build();
  }

  static Map<String, Long> totals() {
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("select", SELECTS.sum());
    totals.put("insert", INSERTS.sum());
    totals.put("update", UPDATES.sum());
    totals.put("delete", DELETES.sum());
    totals.put("other", OTHER.sum());
    totals.put("rowsWritten", ROWS_WRITTEN.sum());
    totals.put("jdbcNanos", NANOS.sum());
    return totals;
  }

  /** Executions per statement text since start, the most frequent first. */
  static Map<String, Long> byText() {
    Map<String, Long> counts = new LinkedHashMap<>();
    BY_TEXT.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> counts.put(e.getKey(), e.getValue().sum()));
    return counts;
  }

  static Map<String, Long> traces() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TRACES.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> counts.put(e.getKey(), e.getValue().sum()));
    return counts;
  }

  /** An INSERT's NAME_ (or VAR_NAME_) value: which variable a variable row is. */
  static String named(String sql, List<net.ttddyy.dsproxy.proxy.ParameterSetOperation> params) {
    String[] columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(",");
    for (int i = 0; i < columns.length; i++) {
      String column = columns[i].strip();
      if (column.equals("NAME_") || column.equals("VAR_NAME_")) {
        for (var p : params) {
          Object[] args = p.getArgs();
          if (args.length > 1 && args[0] instanceof Integer index && index == i + 1) {
            return "[" + args[1] + "]";
          }
        }
      }
    }
    return "[?]";
  }

  /** The statement's text, then the project's frames and the engine commands/listeners that led to it. */
  static String site(String sql) {
    StringBuilder site = new StringBuilder(sql.length() > 90 ? sql.substring(0, 90) : sql);
    int frames = 0;
    for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
      String c = e.getClassName();
      boolean own = c.startsWith("com.serviceloop") && !c.contains("JdbcCounting");
      boolean engine = c.contains(".cmd.") || c.endsWith("Manager") && c.startsWith("org.camunda")
          || c.contains("rest.impl") || c.contains("rest.sub") || c.contains("Listener") && c.startsWith("org.camunda")
          || c.contains("behavior") || c.contains("HistoryEventProducer") || c.contains("webapp") && c.startsWith("org.camunda");
      if ((own || engine) && frames++ < 14) {
        site.append(" <- ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName())
            .append(':').append(e.getLineNumber());
      }
    }
    return site.toString();
  }

  static final class Meter implements QueryExecutionListener {

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      STARTED.set(System.nanoTime());
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      Long started = STARTED.get();
      if (started != null) {
        NANOS.add(System.nanoTime() - started);
      }
      boolean writes = false;
      for (QueryInfo query : queryInfoList) {
        int executions = execInfo.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
        LongAdder kind = switch (firstWord(query.getQuery())) {
          case "select", "with" -> SELECTS;
          case "insert" -> INSERTS;
          case "update" -> UPDATES;
          case "delete" -> DELETES;
          default -> OTHER;
        };
        kind.add(executions);
        String text = query.getQuery().replaceAll("\\s+", " ").strip();
        BY_TEXT.computeIfAbsent(text, k -> new LongAdder()).add(executions);
        if (TRACE != null && TRACE.matcher(text).find()) {
          if (text.startsWith("insert") && text.contains("NAME_")) {
            for (var params : query.getParametersList()) {
              TRACES.computeIfAbsent(named(text, params) + " <- " + site(text), k -> new LongAdder()).add(1);
            }
          } else {
            TRACES.computeIfAbsent(site(text), k -> new LongAdder()).add(executions);
          }
        }
        writes |= kind == INSERTS || kind == UPDATES || kind == DELETES;
      }
      if (writes && execInfo.isSuccess()) {
        ROWS_WRITTEN.add(rows(execInfo));
      }
    }

    private static long rows(ExecutionInfo execInfo) {
      Object result = execInfo.getResult();
      if (result instanceof int[] counts) {
        long sum = 0;
        for (int c : counts) {
          sum += Math.max(c, 0);
        }
        return sum;
      }
      if (result instanceof long[] counts) {
        long sum = 0;
        for (long c : counts) {
          sum += Math.max(c, 0);
        }
        return sum;
      }
      if (result instanceof Number n) {
        return Math.max(n.longValue(), 0);
      }
      // execute(): MyBatis (the engine) reads the count afterwards; both drivers answer it again
      try {
        Statement statement = execInfo.getStatement();
        return Math.max(statement.getUpdateCount(), 0);
      } catch (SQLException | RuntimeException e) {
        return 0;
      }
    }

    private static String firstWord(String sql) {
      String trimmed = sql.stripLeading();
      int end = 0;
      while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
        end++;
      }
      return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }
  }
}
