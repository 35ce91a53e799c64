package com.serviceloop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.ServiceLoopApplication;
import com.serviceloop.benchmark.bare.BareCamundaApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the lifecycle benchmark of issue 12 (README, "Benchmark"). ServiceLoop against a bare
 * Camunda 7 Spring Boot application ({@link BareCamundaApplication}: same engine, webapps + REST,
 * history full, authorizations and HTTP Basic on) whose process has the same wait states as a
 * complaint's happy path — four user tasks. Each application runs in a JVM of its own on its own empty
 * database (H2 file or PostgreSQL), both with a JDBC meter (datasource-proxy, profile jdbc-count), and
 * this one driver sends both the same calls over REST: one start, then per user task one task query and
 * one completion (9 calls per lifecycle).
 *
 * <p>Three variants, interleaved round by round in rotating order: ServiceLoop (intake through
 * POST /api/complaints, the tasks completed through the engine REST API with the values their forms
 * submit), bare (start and completions with no variables) and bare + form variables (the intake's
 * fields as start variables, each completion with the same values as ServiceLoop's). Rounds at 1 thread
 * and at 4 threads; per lifecycle its wall time; per round the JDBC meter's difference. Ratios are taken
 * per round (ServiceLoop's median / bare's median of the same round) and reported as the median of the
 * rounds with their min–max. Ready to serve: JVM start to the first authenticated engine REST answer,
 * on the empty database and (full mode) on restart.
 *
 * <pre>
 * mvn -B -Pbenchmark test -Dtest=LifecycleBenchmark [-Dbenchmark.db=h2|postgres] [-Dbenchmark.mode=full|short]
 * </pre>
 * Options: benchmark.rounds, benchmark.lifecycles (per variant and round at 1 thread; 4 threads run
 * twice as many), benchmark.pgUrl (jdbc:postgresql://127.0.0.1:5432/), benchmark.pgUser (postgres);
 * PostgreSQL databases sl_bench_serviceloop and sl_bench_bare (prefix benchmark.dbPrefix) are dropped and created.
 * Ports: benchmark.port (18092) for ServiceLoop, the next for the bare application, the one after for
 * ServiceLoop's management port. benchmark.starts / benchmark.restarts: measured starts per application on an
 * empty database / on restart (full mode 5 / 5, short 1 / 0), interleaved bare, ServiceLoop, ServiceLoop, bare…
 * benchmark.only=startup measures only those; benchmark.beforeClasses=DIR adds another build's classes
 * (e.g. a copy of target/classes before a change) to that interleaving.
 * Figures to stdout and target/lifecycle-benchmark-{db}.md (benchmark.workDir: another folder than
 * target/lifecycle-benchmark). It asserts that every lifecycle ran to its
 * end and that statements were counted — never a speed.
 */
@Tag("benchmark")
class LifecycleBenchmark {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] SL_TASKS = {"Task_FirstContact", "Task_ResolveComplaint", "Task_ReplyToCustomer",
      "Task_CallCustomer"};

  enum Variant {
    SERVICELOOP("ServiceLoop"), BARE("bare"), BARE_VARIABLES("bare + form variables");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /** The JDBC meter's totals of one application. */
  record Jdbc(long select, long insert, long update, long delete, long other, long rowsWritten, long nanos) {
    long statements() {
      return select + insert + update + delete + other;
    }

    Jdbc minus(Jdbc o) {
      return new Jdbc(select - o.select, insert - o.insert, update - o.update, delete - o.delete, other - o.other,
          rowsWritten - o.rowsWritten, nanos - o.nanos);
    }
  }

  /** One round of one variant: lifecycle times (ms), its wall time and the JDBC difference. */
  record Round(int threads, List<Double> lifecycleMs, double wallMs, Jdbc jdbc) {
    double median() {
      return LifecycleBenchmark.median(lifecycleMs);
    }

    double throughput() {
      return lifecycleMs.size() / (wallMs / 1000.0);
    }
  }

  final String db = System.getProperty("benchmark.db", "h2");
  final boolean full = !"short".equals(System.getProperty("benchmark.mode", "full"));
  final int rounds = Integer.getInteger("benchmark.rounds", full ? 5 : 2);
  final int lifecycles = Integer.getInteger("benchmark.lifecycles", full ? 20 : 4);
  final int warmup = Integer.getInteger("benchmark.warmup", full ? 30 : 3);
  final String pgUrl = System.getProperty("benchmark.pgUrl", "jdbc:postgresql://127.0.0.1:5432/");
  final String pgUser = System.getProperty("benchmark.pgUser", "postgres");
  /** ServiceLoop's port; the bare application's is the next, ServiceLoop's management port the one after. */
  final int port = Integer.getInteger("benchmark.port", 18092);
  final String dbPrefix = System.getProperty("benchmark.dbPrefix", "sl_bench_");
  /** Measured starts per application on an empty database and on restart (interleaved: bare, SL, SL, bare…). */
  final int starts = Integer.getInteger("benchmark.starts", full ? 5 : 1);
  final int restarts = Integer.getInteger("benchmark.restarts", full ? starts : 0);
  /** "startup": only the ready-to-serve measurements, no lifecycles. */
  final boolean startupOnly = "startup".equals(System.getProperty("benchmark.only", ""));
  /** Classes of another ServiceLoop build (e.g. before a change) to start interleaved with this one. */
  final String beforeClasses = System.getProperty("benchmark.beforeClasses", "");
  /** ServiceLoop started by {@link ProfiledStart}: its log ends with the slowest start-up steps. */
  final boolean profileStart = Boolean.getBoolean("benchmark.profileStart");
  /** Further JVM options of ServiceLoop's JVM, space-separated (e.g. a JFR recording). */
  final String jvmArgs = System.getProperty("benchmark.jvmArgs", "");
  final Path work = Path.of(System.getProperty("benchmark.workDir", "target/lifecycle-benchmark")).toAbsolutePath();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  final AtomicLong phones = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);
  final StringBuilder report = new StringBuilder();

  App serviceLoop;
  App bare;

  @Test
  void run() throws Exception {
    assertThat(db).isIn("h2", "postgres");
    Files.createDirectories(work);
    if (openOrdersMode) {
      openOrders();
      return;
    }
    line("# Lifecycle benchmark — " + db + " — " + Instant.now());
    line("- machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
        + loadAverage() + " at start (a shared machine: absolute times are noisy, the ratios come from"
        + " interleaved rounds)");
    line("- mode: " + (full ? "full" : "short") + ", " + rounds + " rounds × " + lifecycles
        + " lifecycles per variant at 1 thread and " + 2 * lifecycles + " at 4 threads, after " + warmup
        + " warm-up lifecycles per variant");

    List<String> slArgs = List.of("--spring.profiles.active=demo,jdbc-count", "--management.server.port=" + (port + 2));
    String slMain = (profileStart ? ProfiledStart.class : ServiceLoopApplication.class).getName();
    serviceLoop = new App("serviceloop", port, slMain, slArgs, null);
    bare = new App("bare", port + 1, BareCamundaApplication.class.getName(), List.of(), null);
    App before = beforeClasses.isEmpty() ? null
        : new App("serviceloop-before", port, slMain, slArgs, beforeClasses);
    Map<String, List<Double>> ready = new LinkedHashMap<>();
    try {
      if (startupOnly) {
        readyToServe(before, ready);
        return;
      }
      // ready to serve on an empty database: interleaved starts, one application starting at a time
      for (App app : interleaved(List.of(bare, serviceLoop), starts)) {
        app.stop();
        app.emptyDatabase();
        ready.computeIfAbsent(app.name + " empty", k -> new ArrayList<>()).add(app.start());
      }
      for (Variant v : Variant.values()) {
        for (int i = 0; i < warmup; i++) {
          lifecycle(v);
        }
      }
      Map<Variant, List<Round>> one = measure(1);
      Map<Variant, List<Round>> four = measure(4);
      int expected = warmup + rounds * lifecycles * 3;
      assertThat(finished(serviceLoop, "complaint-handling")).as("complaints run to their end").isEqualTo(expected);
      assertThat(finished(bare, BareCamundaApplication.PROCESS_ID)).as("bare lifecycles run to their end")
          .isEqualTo(2L * expected);
      assertThat(one.get(Variant.SERVICELOOP).get(0).jdbc().statements()).as("statements counted").isPositive();

      // ready to serve on restart (the database as the run left it), interleaved: bare, SL, SL, bare…
      for (App app : interleaved(List.of(bare, serviceLoop), restarts)) {
        app.stop();
        ready.computeIfAbsent(app.name + " restart", k -> new ArrayList<>()).add(app.start());
      }
      table(one, four, ready);
      statements(expected);
    } finally {
      serviceLoop.stop();
      bare.stop();
      if (before != null) {
        before.stop();
      }
      Files.writeString(work.resolveSibling(work.getFileName() + "-" + db + ".md"), report.toString(),
          StandardCharsets.UTF_8);
    }
  }

  /** n starts of each application in ABBA order: a, b, b, a, a, b… (a drifting load hits both alike). */
  static List<App> interleaved(List<App> apps, int n) {
    List<App> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<App> pass = new ArrayList<>(apps);
      if (i % 2 == 1) {
        Collections.reverse(pass);
      }
      order.addAll(pass);
    }
    return order;
  }

  /**
   * Start-up only (benchmark.only=startup): each application started {@code starts} times on an empty database,
   * then {@code restarts} times on the database its first start left, interleaved; with benchmark.beforeClasses
   * the other ServiceLoop build takes part in the same interleaving (its own database).
   */
  void readyToServe(App before, Map<String, List<Double>> ready) throws Exception {
    List<App> apps = new ArrayList<>(List.of(bare, serviceLoop));
    if (before != null) {
      apps.add(1, before);
    }
    for (String kind : List.of("empty", "restart")) {
      for (App app : interleaved(apps, kind.equals("empty") ? starts : restarts)) {
        if (kind.equals("empty")) {
          app.emptyDatabase();
        }
        ready.computeIfAbsent(app.name + " " + kind, k -> new ArrayList<>()).add(app.start());
        // one application at a time: nothing else of the benchmark runs while one starts
        app.stop();
      }
    }
    line("");
    line("| ready to serve | " + String.join(" | ", apps.stream().map(a -> a.name).toList()) + " | ratio to bare |");
    line("|---|" + "---|".repeat(apps.size() + 1));
    for (String kind : List.of("empty", "restart")) {
      if (!ready.containsKey("bare " + kind)) {
        continue;
      }
      StringBuilder row = new StringBuilder("| " + kind + " database |");
      for (App app : apps) {
        row.append(' ').append(seconds(ready.get(app.name + " " + kind))).append(" |");
      }
      double b = median(ready.get("bare " + kind));
      row.append(apps.stream().filter(a -> a != bare)
          .map(a -> String.format(" %s %.2f×", a.name, median(ready.get(a.name + " " + kind)) / b))
          .reduce((x, y) -> x + "," + y).orElse("")).append(" |");
      line(row.toString());
    }
    line("");
    line("Median (min–max) of the starts; load average " + loadAverage() + " at the end.");
    System.out.println(report);
  }

  /** Interleaved rounds at the given thread count; the variants' order rotates from round to round. */
  Map<Variant, List<Round>> measure(int threads) throws Exception {
    Map<Variant, List<Round>> rounds = new EnumMap<>(Variant.class);
    Variant[] all = Variant.values();
    for (int r = 0; r < this.rounds; r++) {
      for (int k = 0; k < all.length; k++) {
        Variant v = all[(r + k) % all.length];
        rounds.computeIfAbsent(v, x -> new ArrayList<>()).add(round(v, threads, threads == 1 ? lifecycles
            : 2 * lifecycles));
      }
    }
    return rounds;
  }

  Round round(Variant v, int threads, int count) throws Exception {
    App app = v == Variant.SERVICELOOP ? serviceLoop : bare;
    Jdbc before = app.jdbc();
    List<Double> times = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger left = new AtomicInteger(count);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            long s = System.nanoTime();
            lifecycle(v);
            times.add((System.nanoTime() - s) / 1e6);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double wall = (System.nanoTime() - start) / 1e6;
    return new Round(threads, new ArrayList<>(times), wall, app.jdbc().minus(before));
  }

  /** One happy-path lifecycle: 1 start + 4 × (task query + completion) = 9 REST calls. */
  void lifecycle(Variant v) throws Exception {
    String phone = "139" + String.format("%08d", phones.incrementAndGet() % 100_000_000L);
    if (v == Variant.SERVICELOOP) {
      JsonNode registered = serviceLoop.post("hotline1", "/api/complaints", intake(phone), 201);
      String orderNo = registered.get("orderNo").asText();
      for (int i = 0; i < SL_TASKS.length; i++) {
        serviceLoop.completeTask(orderNo, SL_TASKS[i], completion(i));
      }
      return;
    }
    String businessKey = "BARE-" + phone;
    ObjectNode start = JSON.createObjectNode().put("businessKey", businessKey);
    if (v == Variant.BARE_VARIABLES) {
      start.set("variables", variables(intake(phone)));
    }
    bare.post("demo", "/engine-rest/process-definition/key/" + BareCamundaApplication.PROCESS_ID + "/start", start,
        200);
    for (int i = 0; i < SL_TASKS.length; i++) {
      bare.completeTask(businessKey, SL_TASKS[i], v == Variant.BARE_VARIABLES ? completion(i) : JSON.createObjectNode());
    }
  }

  /** The intake form's values of a network-quality complaint by hotline (routed, no triage). */
  static ObjectNode intake(String phone) {
    return JSON.createObjectNode().put("customerPhone", phone).put("customerName", "王芳")
        .put("customerSegment", "PUBLIC").put("customerTier", "STANDARD").put("brand", "GoTone")
        .put("region", "浦东").put("channel", "HOTLINE").put("category", "NETWORK_QUALITY")
        .put("description", "家里信号差,通话经常中断").put("location", "浦东新区张江路 100 弄");
  }

  /** What each happy-path form submits: first contact, resolution, reply, return visit. */
  static ObjectNode completion(int task) {
    ObjectNode values = JSON.createObjectNode();
    switch (task) {
      case 0 -> values.put("contactResult", "REACHED").put("contactNote", "已与客户通话,约定处理方案")
          .put("needsOnSiteVisit", false);
      case 1 -> values.put("resolution", "已优化基站参数").put("rootCause", "NETWORK_FAULT")
          .put("responsibleParty", "网络优化中心").put("disputedAmount", 0);
      case 2 -> values.put("replyNote", "已向客户说明处理结果");
      default -> values.put("returnVisitOutcome", "SATISFIED").put("returnVisitComment", "回访记录");
    }
    return values;
  }

  /** {"a": 1} → the engine REST's {"a": {"value": 1}}. */
  static ObjectNode variables(ObjectNode values) {
    ObjectNode variables = JSON.createObjectNode();
    values.fields().forEachRemaining(e -> variables.set(e.getKey(), JSON.createObjectNode().set("value", e.getValue())));
    return variables;
  }

  long finished(App app, String processKey) throws Exception {
    return app.get("/engine-rest/history/process-instance/count?finished=true&processDefinitionKey=" + processKey)
        .get("count").asLong();
  }

  // ---------------------------------------------------------------------------------------------- report

  /**
   * Where ServiceLoop's statements come from: the 30 most frequent statement texts, per complaint lifecycle
   * (executions since start over the lifecycles run; start-up adds a few to the rare ones).
   */
  private void statements(int lifecycles) throws Exception {
    int from = report.length();
    line("");
    line("ServiceLoop's most frequent statements, executions per lifecycle (" + lifecycles + " lifecycles):");
    line("");
    line("| per lifecycle | statement |");
    line("|---|---|");
    var fields = serviceLoop.statements().fields();
    for (int i = 0; i < 30 && fields.hasNext(); i++) {
      var e = fields.next();
      String text = e.getKey().length() > 140 ? e.getKey().substring(0, 140) + "…" : e.getKey();
      line(String.format(java.util.Locale.ROOT, "| %.2f | `%s` |", e.getValue().asDouble() / lifecycles,
          text.replace("|", "\\|")));
    }
    if (jvmArgs.contains("-Djdbc.trace=")) {
      // the call sites of the traced statements (JdbcCounting), whole, for a person to read
      Path traces = work.resolve("jdbc-traces.txt");
      StringBuilder text = new StringBuilder();
      serviceLoop.traces().fields().forEachRemaining(e -> text.append(String.format(java.util.Locale.ROOT,
          "%.2f %s%n", e.getValue().asDouble() / lifecycles, e.getKey())));
      Files.writeString(traces, text);
      line("");
      line("Call sites of the statements matching the trace, per lifecycle: " + traces);
    }
    System.out.println(report.substring(from));
  }

  void table(Map<Variant, List<Round>> one, Map<Variant, List<Round>> four, Map<String, List<Double>> ready) {
    line("");
    line("| figure | ServiceLoop | bare | ratio | bare + form variables | ratio |");
    line("|---|---|---|---|---|---|");
    timeRow("lifecycle time, " + db + ", 1 thread", one);
    timeRow("lifecycle time, " + db + ", 4 threads", four);
    perLifecycleRow("SQL statements per lifecycle", one, j -> (double) j.statements(), "%.0f");
    perLifecycleRow("— of them SELECT / INSERT / UPDATE / DELETE", one, null, null);
    perLifecycleRow("rows written per lifecycle", one, j -> (double) j.rowsWritten(), "%.0f");
    perLifecycleRow("JDBC time per lifecycle, 1 thread", one, j -> j.nanos() / 1e6, "%.1f ms");
    List<Double> tsl = scaling(one, four, Variant.SERVICELOOP);
    List<Double> tb = scaling(one, four, Variant.BARE);
    List<Double> tbv = scaling(one, four, Variant.BARE_VARIABLES);
    line(String.format("| throughput 4 threads / 1 thread | %.2f× | %.2f× | %s | %.2f× | %s |", median(tsl), median(tb),
        ratio(tsl, tb), median(tbv), ratio(tsl, tbv)));
    line(String.format("| throughput, 4 threads (lifecycles/s) | %.1f | %.1f | | %.1f | |",
        median(four.get(Variant.SERVICELOOP).stream().map(Round::throughput).toList()),
        median(four.get(Variant.BARE).stream().map(Round::throughput).toList()),
        median(four.get(Variant.BARE_VARIABLES).stream().map(Round::throughput).toList())));
    String slEmpty = seconds(ready.get("serviceloop empty"));
    String bareEmpty = seconds(ready.get("bare empty"));
    if (ready.containsKey("serviceloop restart")) {
      line(String.format("| ready to serve (restart / empty database) | %s / %s | %s / %s | %.2f× / %.2f× | | |",
          seconds(ready.get("serviceloop restart")), slEmpty, seconds(ready.get("bare restart")), bareEmpty,
          median(ready.get("serviceloop restart")) / median(ready.get("bare restart")),
          median(ready.get("serviceloop empty")) / median(ready.get("bare empty"))));
    } else {
      line(String.format("| ready to serve (empty database) | %s | %s | %.2f× | | |", slEmpty, bareEmpty,
          median(ready.get("serviceloop empty")) / median(ready.get("bare empty"))));
    }
    line("");
    line("Lifecycle times: median of all lifecycles of the variant (min–max of the round medians); ratios: median"
        + " of the per-round ratios (min–max). Statements, rows and JDBC time per lifecycle: median over the"
        + " 1-thread rounds (they include the job executor's acquisition queries during the round).");
    System.out.println(report);
  }

  void timeRow(String label, Map<Variant, List<Round>> rounds) {
    List<Double> sl = rounds.get(Variant.SERVICELOOP).stream().map(Round::median).toList();
    List<Double> b = rounds.get(Variant.BARE).stream().map(Round::median).toList();
    List<Double> bv = rounds.get(Variant.BARE_VARIABLES).stream().map(Round::median).toList();
    line(String.format("| %s | %s | %s | %s | %s | %s |", label, ms(rounds.get(Variant.SERVICELOOP)),
        ms(rounds.get(Variant.BARE)), ratio(sl, b), ms(rounds.get(Variant.BARE_VARIABLES)), ratio(sl, bv)));
  }

  void perLifecycleRow(String label, Map<Variant, List<Round>> rounds, java.util.function.ToDoubleFunction<Jdbc> f,
      String format) {
    if (f == null) {
      line(String.format("| %s | %s | %s | | %s | |", label, kinds(rounds.get(Variant.SERVICELOOP)),
          kinds(rounds.get(Variant.BARE)), kinds(rounds.get(Variant.BARE_VARIABLES))));
      return;
    }
    List<Double> sl = perLifecycle(rounds.get(Variant.SERVICELOOP), f);
    List<Double> b = perLifecycle(rounds.get(Variant.BARE), f);
    List<Double> bv = perLifecycle(rounds.get(Variant.BARE_VARIABLES), f);
    line(String.format("| %s | %s | %s | %s | %s | %s |", label, String.format(format, median(sl)),
        String.format(format, median(b)), ratio(sl, b), String.format(format, median(bv)), ratio(sl, bv)));
  }

  static String kinds(List<Round> rounds) {
    Jdbc j = rounds.get(rounds.size() - 1).jdbc();
    double n = rounds.get(rounds.size() - 1).lifecycleMs().size();
    return String.format("%.0f / %.0f / %.0f / %.0f", j.select() / n, j.insert() / n, j.update() / n, j.delete() / n);
  }

  static List<Double> perLifecycle(List<Round> rounds, java.util.function.ToDoubleFunction<Jdbc> f) {
    return rounds.stream().map(r -> f.applyAsDouble(r.jdbc()) / r.lifecycleMs().size()).toList();
  }

  static List<Double> scaling(Map<Variant, List<Round>> one, Map<Variant, List<Round>> four, Variant v) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < one.get(v).size(); i++) {
      out.add(four.get(v).get(i).throughput() / one.get(v).get(i).throughput());
    }
    return out;
  }

  /** The median of the per-round ratios a/b, with their min–max. */
  static String ratio(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    return String.format("%.2f× (%.2f–%.2f)", median(ratios), Collections.min(ratios), Collections.max(ratios));
  }

  static String ms(List<Round> rounds) {
    List<Double> all = rounds.stream().flatMap(r -> r.lifecycleMs().stream()).toList();
    List<Double> medians = rounds.stream().map(Round::median).toList();
    return String.format("%.0f ms (%.0f–%.0f)", median(all), Collections.min(medians), Collections.max(medians));
  }

  static String seconds(List<Double> values) {
    return values.size() == 1 ? String.format("%.1f s", values.get(0) / 1000)
        : String.format("%.1f s (%.1f–%.1f)", median(values) / 1000, Collections.min(values) / 1000,
            Collections.max(values) / 1000);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  void line(String text) {
    report.append(text).append('\n');
  }

  // ------------------------------------------------------------------------------- open orders (issue 12, P4)

  /** benchmark.mode=openOrders: ServiceLoop alone on PostgreSQL, empty and then with benchmark.openOrders open. */
  final boolean openOrdersMode = "openOrders".equals(System.getProperty("benchmark.mode"));
  final int openTotal = Integer.getInteger("benchmark.openOrders", 100_000);
  final int openReal = Integer.getInteger("benchmark.openReal", 2_000);
  final int intakeSamples = Integer.getInteger("benchmark.intakes", 100);
  final int timerSamples = Integer.getInteger("benchmark.timers", 40);
  final int idleSeconds = Integer.getInteger("benchmark.idleSeconds", 60);
  /** Intakes before the empty phase: the JVM's warm-up (the run of 2026-12-03 had 20, too few: see docs/performance.md). */
  final int warmupIntakes = Integer.getInteger("benchmark.warmupIntakes", 100);
  static final String TIMER_PROCESS = "bench-timer";
  /** A staff member (demo profile) of the group the open complaints' first contact waits for (complaint-routing). */
  static final String STAFF_USER = "netassure1";
  static final String STAFF_GROUP = "dept-network-assurance";
  static final int TIMER_DELAY_S = 10;
  /** Columns holding a runtime row's id or one of its references: suffixed with ~copy in the copies. */
  static final java.util.Set<String> COPIED_IDS = java.util.Set.of("id_", "proc_inst_id_", "execution_id_",
      "parent_id_", "super_exec_", "root_proc_inst_id_", "process_instance_id_", "task_id_", "business_key_",
      "var_scope_", "order_no", "process_instance_id", "resource_id_");
  /** The tables of an open complaint and the rows of them that belong to the complaints of the real load. */
  static final Map<String, String> COPIED_TABLES = new LinkedHashMap<>();

  static {
    COPIED_TABLES.put("act_ru_execution", "proc_inst_id_ IN (SELECT process_instance_id FROM real)");
    COPIED_TABLES.put("act_ru_task", "proc_inst_id_ IN (SELECT process_instance_id FROM real)");
    COPIED_TABLES.put("act_ru_job", "process_instance_id_ IN (SELECT process_instance_id FROM real)");
    COPIED_TABLES.put("act_ru_event_subscr", "proc_inst_id_ IN (SELECT process_instance_id FROM real)");
    COPIED_TABLES.put("act_ru_variable", "proc_inst_id_ IN (SELECT process_instance_id FROM real)");
    COPIED_TABLES.put("act_ru_identitylink", "task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN"
        + " (SELECT process_instance_id FROM real))");
    // the engine's grants for each task's candidate group and the case READ beside them (CandidateGroupCaseAccess)
    COPIED_TABLES.put("act_ru_authorization", "resource_id_ IN (SELECT process_instance_id FROM real)"
        + " OR resource_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (SELECT process_instance_id FROM real))");
    COPIED_TABLES.put("sl_work_order", "process_instance_id IN (SELECT process_instance_id FROM real)");
  }

  void openOrders() throws Exception {
    assertThat(db).as("the open-orders mode runs on PostgreSQL (-Dbenchmark.db=postgres)").isEqualTo("postgres");
    line("# Open orders benchmark (issue 12, P4) — " + Instant.now());
    line("- machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage()
        + " at start; " + intakeSamples + " intakes (POST /api/complaints, one after the other) and " + timerSamples
        + " timers due " + TIMER_DELAY_S + " s after their start (started 1.3 s apart) per phase");
    serviceLoop = new App("serviceloop", port, ServiceLoopApplication.class.getName(),
        List.of("--spring.profiles.active=demo,jdbc-count,open-orders", "--management.server.port=" + (port + 2)), null);
    try {
      serviceLoop.emptyDatabase();
      serviceLoop.start();
      deployTimerModel();
      for (int i = 0; i < warmupIntakes; i++) {
        intake();
      }
      Map<String, List<Double>> empty = openOrdersPhase("empty");
      String emptyPlan = explain(acquisitionQuery());

      long t0 = System.nanoTime();
      for (int done = 0; done < openReal; done += 50) {
        int n = Math.min(50, openReal - done);
        serviceLoop.post("demo", "/benchmark/open-orders?batch=50&count=" + n + "&phone=" + (15_000_000_000L + done),
            JSON.createObjectNode(), 200);
      }
      double realS = (System.nanoTime() - t0) / 1e9;
      line(String.format("- loaded %d complaints through the engine's API in %.0f s (%.1f per second, 50 per"
          + " transaction, in ServiceLoop's JVM)", openReal, realS, openReal / realS));
      long t1 = System.nanoTime();
      long open = copyOpenComplaints();
      line(String.format("- copied the live rows of the open complaints up to %d open complaints in %.0f s (SQL"
          + " copies of %s), then VACUUM ANALYZE", open, (System.nanoTime() - t1) / 1e9, COPIED_TABLES.keySet()));
      for (int i = 0; i < 20; i++) {
        intake();
      }
      Map<String, List<Double>> loaded = openOrdersPhase("loaded");
      String loadedPlan = explain(acquisitionQuery());
      long jobs = count("SELECT COUNT(*) FROM act_ru_job");
      Jdbc before = serviceLoop.jdbc();
      Thread.sleep(idleSeconds * 1000L);
      Jdbc idle = serviceLoop.jdbc().minus(before);

      line("");
      line("| figure | empty database | " + open + " open complaints (" + jobs + " jobs) | ratio |");
      line("|---|---|---|---|");
      for (String k : List.of("intake ms", "task list + count ms", "timer lag ms")) {
        if (empty.get(k).isEmpty() || loaded.get(k).isEmpty()) {
          line(String.format("| %s | %s | %s | |", k, empty.get(k).isEmpty() ? "no answer within 60 s" : stats(empty.get(k)),
              loaded.get(k).isEmpty() ? "no answer within 60 s" : stats(loaded.get(k))));
          continue;
        }
        line(String.format("| %s, median (min–max) | %s | %s | %.2f× |", k, stats(empty.get(k)),
            stats(loaded.get(k)), median(loaded.get(k)) / median(empty.get(k))));
        line(String.format("| %s, p99 | %.0f | %.0f | %.2f× |", k, p99(empty.get(k)), p99(loaded.get(k)),
            p99(loaded.get(k)) / p99(empty.get(k))));
      }
      line(String.format("| statements per minute at idle (loaded, %d s, SELECT / other) | | %.1f / %.1f | |",
          idleSeconds, idle.select() * 60.0 / idleSeconds, (idle.statements() - idle.select()) * 60.0 / idleSeconds));
      line("");
      line("Job acquisition query (Camunda 7.24 selectNextJobsToExecute as configured), empty database:");
      line("```\n" + emptyPlan + "```");
      line(open + " open complaints:");
      line("```\n" + loadedPlan + "```");
      line(open + " open complaints, the same query without SL_IDX_JOB_DUEDATE (dropped in a transaction rolled back):");
      line("```\n" + explainWithoutIndex(acquisitionQuery()) + "```");
      String phone = String.valueOf(one("SELECT customer_phone FROM sl_work_order ORDER BY id DESC LIMIT 1"));
      String orderNo = String.valueOf(one("SELECT order_no FROM sl_work_order ORDER BY id DESC LIMIT 1"));
      line("The project's hot queries at " + open + " open complaints:");
      line("```\n-- repeat-complaint lookup at intake (WorkOrderRepository.countFromPhone)\n" + explain(
          "SELECT COUNT(*) FROM sl_work_order WHERE order_type = 'COMPLAINT' AND customer_phone = '" + phone
              + "' AND received_at >= now() - INTERVAL '30 days' AND received_at < now() AND order_no <> 'X'")
          + "-- the work order by number (WorkOrderRepository.find, every delegate)\n"
          + explain("SELECT * FROM sl_work_order WHERE order_no = '" + orderNo + "'")
          + "-- KPI month filter (KpiFacts, repeatComplaintRate of one region and month)\n"
          + explain("SELECT COUNT(*), SUM(CASE WHEN w.repeat_complaint THEN 1 ELSE 0 END) FROM sl_work_order w"
              + " WHERE w.order_type = 'COMPLAINT' AND w.received_at >= date_trunc('month', now()) - INTERVAL '2 months'"
              + " AND w.received_at < date_trunc('month', now()) - INTERVAL '1 month' AND w.region = '浦东'")
          + "```");
      System.out.println(report);
      assertThat(empty.get("timer lag ms")).as("every timer fired").hasSize(timerSamples);
      assertThat(loaded.get("timer lag ms")).as("every timer fired").hasSize(timerSamples);
    } finally {
      serviceLoop.stop();
      Files.writeString(work.resolveSibling("open-orders-benchmark.md"), report.toString(), StandardCharsets.UTF_8);
    }
  }

  /** One phase: intake latencies, then timer lags (a timer due while the job executor idles). */
  Map<String, List<Double>> openOrdersPhase(String phase) throws Exception {
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    List<Double> intakes = new ArrayList<>();
    for (int i = 0; i < intakeSamples; i++) {
      long s = System.nanoTime();
      intake();
      intakes.add((System.nanoTime() - s) / 1e6);
    }
    figures.put("intake ms", intakes);
    // a member of the group the open complaints' first contacts wait for, as Tasklist asks: the first page, the count
    List<Double> taskLists = new ArrayList<>();
    String unanswered = "";
    for (int i = 0; i < intakeSamples; i++) {
      long s = System.nanoTime();
      try {
        JsonNode page = serviceLoop.send(serviceLoop.request(STAFF_USER, "/engine-rest/task?candidateGroup="
            + STAFF_GROUP + "&maxResults=15&sortBy=created&sortOrder=desc").GET().build(), 200);
        assertThat(page.size()).as("the staff member's task list").isPositive();
        serviceLoop.send(serviceLoop.request(STAFF_USER, "/engine-rest/task/count?candidateGroup=" + STAFF_GROUP)
            .GET().build(), 200);
      } catch (java.net.http.HttpTimeoutException e) {
        // a figure in itself: stop asking (each try holds a database backend until the query ends)
        unanswered = String.format(" (request %d of %d: no answer within 60 s)", i + 1, intakeSamples);
        break;
      }
      taskLists.add((System.nanoTime() - s) / 1e6);
    }
    figures.put("task list + count ms", taskLists);
    for (int i = 0; i < timerSamples; i++) {
      serviceLoop.post("demo", "/engine-rest/process-definition/key/" + TIMER_PROCESS + "/start",
          JSON.createObjectNode().put("businessKey", phase + "-" + i), 200);
      Thread.sleep(1300);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    JsonNode done = JSON.createArrayNode();
    while (System.nanoTime() < deadline) {
      done = serviceLoop.get("/engine-rest/history/process-instance?processDefinitionKey=" + TIMER_PROCESS
          + "&finished=true&processInstanceBusinessKeyLike=" + phase + "-%25&maxResults=1000");
      if (done.size() >= timerSamples) {
        break;
      }
      Thread.sleep(1000);
    }
    List<Double> lags = new ArrayList<>();
    java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    for (JsonNode p : done) {
      Instant started = java.time.OffsetDateTime.parse(p.get("startTime").asText(), f).toInstant();
      Instant ended = java.time.OffsetDateTime.parse(p.get("endTime").asText(), f).toInstant();
      lags.add((double) Duration.between(started.plusSeconds(TIMER_DELAY_S), ended).toMillis());
    }
    figures.put("timer lag ms", lags);
    line(String.format("- %s: intake %s ms, task list + count %s ms%s, timer lag %s ms (p99 %.0f), load average %s",
        phase, stats(intakes), stats(taskLists), unanswered, stats(lags), p99(lags), loadAverage()));
    return figures;
  }

  void intake() throws Exception {
    serviceLoop.post("hotline1", "/api/complaints",
        intake("139" + String.format("%08d", phones.incrementAndGet() % 100_000_000L)), 201);
  }

  /** The fault harness's one-timer model, as bench-timer with a timer due TIMER_DELAY_S after the start. */
  void deployTimerModel() throws Exception {
    String model = Files.readString(Path.of("src/test/resources/fault/fault-timer.bpmn"))
        .replace("id=\"fault-timer\"", "id=\"" + TIMER_PROCESS + "\"").replace(">PT0S<", ">PT" + TIMER_DELAY_S + "S<");
    String boundary = "----serviceloop-bench-" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + TIMER_PROCESS
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + TIMER_PROCESS
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
    serviceLoop.send(serviceLoop.request("demo", "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), 200);
  }

  static String acquisitionQuery() {
    return "SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ FROM ACT_RU_JOB RES"
        + " WHERE (RES.RETRIES_ > 0) AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= now())"
        + " AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < now()) AND RES.SUSPENSION_STATE_ = 1"
        + " AND ((RES.EXCLUSIVE_ = true AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2"
        + " WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = true)"
        + " AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= now()))) OR RES.EXCLUSIVE_ = false)"
        + " LIMIT 3 OFFSET 0";
  }

  Connection openOrdersDb() throws Exception {
    return DriverManager.getConnection(pgUrl + serviceLoop.database(), pgUser, "");
  }

  String explain(String sql) throws Exception {
    try (Connection c = openOrdersDb(); Statement s = c.createStatement()) {
      return plan(s, sql);
    }
  }

  static String plan(Statement s, String sql) throws Exception {
    StringBuilder out = new StringBuilder();
    try (java.sql.ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)) {
      while (r.next()) {
        out.append(r.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  String explainWithoutIndex(String sql) throws Exception {
    try (Connection c = openOrdersDb(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL lock_timeout = '5s'");
      s.execute("DROP INDEX sl_idx_job_duedate");
      String p = plan(s, sql);
      c.rollback();
      return p;
    }
  }

  long count(String sql) throws Exception {
    return ((Number) one(sql)).longValue();
  }

  Object one(String sql) throws Exception {
    try (Connection c = openOrdersDb(); Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getObject(1);
    }
  }

  /**
   * Copies every runtime row of the open complaints (executions, tasks, jobs with their due dates, event
   * subscriptions, variables, task candidates, work orders) until there are openTotal open complaints: ids and
   * references get a suffix ~n, received_at moves n weeks back (modulo a year) so the KPI months are not all one.
   */
  long copyOpenComplaints() throws Exception {
    try (Connection c = openOrdersDb(); Statement s = c.createStatement()) {
      long real = count("SELECT COUNT(*) FROM sl_work_order WHERE order_type = 'COMPLAINT' AND closed_at IS NULL");
      long copies = Math.max(0, (openTotal - real + real - 1) / real);
      c.setAutoCommit(false);
      s.execute("CREATE TEMP TABLE real ON COMMIT DROP AS SELECT process_instance_id FROM sl_work_order"
          + " WHERE order_type = 'COMPLAINT' AND closed_at IS NULL AND process_instance_id IS NOT NULL");
      for (Map.Entry<String, String> t : COPIED_TABLES.entrySet()) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (java.sql.ResultSet r = c.getMetaData().getColumns(null, "public", t.getKey(), null)) {
          while (r.next()) {
            String col = r.getString("COLUMN_NAME").toLowerCase();
            if (t.getKey().equals("sl_work_order") && col.equals("id")) {
              continue;
            }
            columns.add(col);
            values.add(COPIED_IDS.contains(col) ? col + " || '~' || g"
                : col.equals("received_at") ? "received_at - ((g * 7) % 364) * INTERVAL '1 day'" : col);
          }
        }
        s.execute("INSERT INTO " + t.getKey() + " (" + String.join(", ", columns) + ") SELECT "
            + String.join(", ", values) + " FROM " + t.getKey() + " CROSS JOIN generate_series(1, " + copies
            + ") g WHERE " + t.getValue());
      }
      c.commit();
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE");
    }
    return count("SELECT COUNT(*) FROM sl_work_order WHERE order_type = 'COMPLAINT' AND closed_at IS NULL");
  }

  static double p99(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
  }

  static String stats(List<Double> xs) {
    return xs.isEmpty() ? "none" : String.format("%.0f (%.0f–%.0f)", median(xs), Collections.min(xs), Collections.max(xs));
  }

  // ---------------------------------------------------------------------------------------------- the applications

  /** One application in a JVM of its own, on its own database, with the JDBC meter. */
  final class App {
    final String name;
    final int port;
    final String mainClass;
    final List<String> args;
    /** Replaces this build's target/classes on the class path (null: this build). */
    final String classes;
    Process process;
    int starts;

    App(String name, int port, String mainClass, List<String> args, String classes) {
      this.name = name;
      this.port = port;
      this.mainClass = mainClass;
      this.args = args;
      this.classes = classes;
    }

    String database() {
      return dbPrefix + name.replace('-', '_');
    }

    /**
     * The test class path without empty entries: an empty entry is the working directory, whose processes/,
     * dmn/ and forms/ ServiceLoop's classpath*: scan would find a second time beside target/classes.
     */
    String classPath() {
      String own = Path.of("target", "classes").toAbsolutePath().toString();
      return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
          .filter(p -> !p.isBlank())
          .map(p -> classes != null && Path.of(p).toAbsolutePath().toString().equals(own) ? classes : p)
          .reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
    }

    void emptyDatabase() throws Exception {
      if (db.equals("h2")) {
        Path dir = work.resolve("h2");
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) {
              Files.delete(f);
            }
          }
        }
        return;
      }
      try (Connection c = DriverManager.getConnection(pgUrl + "postgres", pgUser, "");
           Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database() + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + database());
      }
    }

    List<String> datasource() {
      if (db.equals("h2")) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("h2").resolve(name)
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "--spring.datasource.username=sa", "--spring.datasource.password=");
      }
      return List.of("--spring.datasource.url=" + pgUrl + database(), "--spring.datasource.username=" + pgUser,
          "--spring.datasource.password=");
    }

    /** Starts the JVM and answers the milliseconds until the engine REST API answered an authenticated call. */
    double start() throws Exception {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Dfile.encoding=UTF-8"));
      if (this != bare && !jvmArgs.isBlank()) {
        command.addAll(List.of(jvmArgs.replace("{name}", name + "-" + (starts + 1)).trim().split("\\s+")));
      }
      command.addAll(List.of("-cp", classPath(), mainClass, "--server.port=" + port, "--server.address=127.0.0.1"));
      command.addAll(datasource());
      command.addAll(args);
      Path log = work.resolve(name + "-" + (++starts) + ".log");
      long t0 = System.nanoTime();
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " stopped at start, see " + log);
        }
        try {
          HttpResponse<String> answer = http.send(request("demo", "/engine-rest/process-definition/count").GET()
              .build(), HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            double ms = (System.nanoTime() - t0) / 1e6;
            line(String.format("- %s ready to serve after %.1f s (log %s, load average %s)", name, ms / 1000,
                log.getFileName(), loadAverage()));
            return ms;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException(name + " not ready after 5 minutes, see " + log);
    }

    void stop() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
      process = null;
    }

    HttpRequest.Builder request(String user, String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
              .getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode get(String path) throws Exception {
      return send(request("demo", path).GET().build(), 200);
    }

    JsonNode post(String user, String path, JsonNode body, int expected) throws Exception {
      return send(request(user, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), expected);
    }

    JsonNode send(HttpRequest request, int expected) throws Exception {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != expected) {
        throw new IllegalStateException(name + ": " + request.method() + " " + request.uri() + " answered "
            + answer.statusCode() + ": " + answer.body());
      }
      return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    /** The one open task of the case (it must be the expected one), completed with the form's values. */
    void completeTask(String businessKey, String taskKey, ObjectNode values) throws Exception {
      JsonNode tasks = get("/engine-rest/task?processInstanceBusinessKey=" + businessKey);
      if (tasks.size() != 1 || !taskKey.equals(tasks.get(0).get("taskDefinitionKey").asText())) {
        throw new IllegalStateException(name + ": expected the one task " + taskKey + " of " + businessKey
            + ", found " + tasks);
      }
      post("demo", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
          JSON.createObjectNode().set("variables", variables(values)), 204);
    }

    /** Executions per statement text since the application started. */
    JsonNode statements() throws Exception {
      return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/benchmark/jdbc/statements"))
          .GET().build(), 200);
    }

    /** Executions per call site of the statements {@code -Djdbc.trace} matches. */
    JsonNode traces() throws Exception {
      return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/benchmark/jdbc/traces"))
          .GET().build(), 200);
    }

    Jdbc jdbc() throws Exception {
      JsonNode t = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/benchmark/jdbc")).GET()
          .build(), 200);
      return new Jdbc(t.get("select").asLong(), t.get("insert").asLong(), t.get("update").asLong(),
          t.get("delete").asLong(), t.get("other").asLong(), t.get("rowsWritten").asLong(), t.get("jdbcNanos").asLong());
    }
  }
}
