package com.serviceloop.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's fault tests on a real two-node cluster: two separate JVMs of the packaged application on
 * loopback ports over one fresh PostgreSQL database (reached through {@link TcpProxy}), job executors
 * on, started at the same moment on the empty database. Then, in order: (d) an outage of the order
 * system, (c) a storm of 5,000 timers due at once, (b) a 30-second database outage under load and (a)
 * kill -9 of one node under load. Each prints one line "FAULT x: ..." with its figures.
 * Run by {@code mvn -B verify -Pfault-tests} (.ci/run).
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {

  static final String DB = Db.env("SERVICELOOP_FAULT_DB_PREFIX", "sl_fault") + "_cluster";
  /** A dead node's jobs are free for the others after this (production default 5 min). */
  static final int LOCK_TIME_MS = 15_000;
  static final int POOL_TIMEOUT_MS = 3_000;
  static final int STORM = Integer.parseInt(Db.env("SERVICELOOP_FAULT_STORM", "5000"));

  Db db;
  TcpProxy proxy;
  StubOrderSystem orderSystem;
  Node a;
  Node b;
  List<Node> nodes;
  String timerJobDefinition;

  @BeforeAll
  void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
    db = Db.freshPostgres(DB);
    proxy = new TcpProxy(Node.freePort(2), Db.pgHost(), Db.pgPort());
    orderSystem = new StubOrderSystem(Node.freePort(3));
    Path work = Files.createTempDirectory("serviceloop-fault-");
    a = node("node-a", Node.freePort(0), work.resolve("a"));
    b = node("node-b", Node.freePort(1), work.resolve("b"));
    nodes = List.of(a, b);
    long t0 = System.nanoTime();
    a.start();
    b.start();
    CompletableFuture<Node> readyA = CompletableFuture.supplyAsync(() -> ready(a));
    CompletableFuture<Node> readyB = CompletableFuture.supplyAsync(() -> ready(b));
    readyA.join();
    readyB.join();
    long both = (System.nanoTime() - t0) / 1_000_000;
    Engine.createUser(a, ComplaintLoad.USER, ComplaintLoad.PASSWORD, "channel-systems");
    Engine.deploy(b, Paths.get("src/test/resources/fault/fault-timer.bpmn"));
    timerJobDefinition = Engine.timerJobDefinition(a);
    String schemaLog = a.logText() + b.logText();
    System.out.printf("FAULT schema: two nodes started at once on an empty PostgreSQL database, both ready"
        + " (node-a %d ms, node-b %d ms, both %d ms); %s; duplicate-key errors in the logs: %d%n",
        a.readyMillis, b.readyMillis, both,
        schemaLog.contains("Another node is initialising the database") ? "one waited for the other's start-up lock"
            : "no wait was needed",
        count(schemaLog, "duplicate key"));
    assertThat(count(schemaLog, "duplicate key")).isZero();
    assertThat(db.count("SELECT count(*) FROM act_ge_schema_log")).isPositive();
  }

  private Node node(String name, int port, Path dir) throws Exception {
    return new Node(name, port, dir)
        .env("SPRING_PROFILES_ACTIVE", "postgres")
        .env("SERVICELOOP_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DB)
        .env("SERVICELOOP_DB_USER", Db.pgUser())
        .env("SERVICELOOP_DB_PASSWORD", Db.pgPassword())
        .env("SERVICELOOP_JOB_LOCK_TIME_MS", String.valueOf(LOCK_TIME_MS))
        // A short retry cycle (production: R5/PT1M), so an outage of the order system fits in the test.
        .env("SERVICELOOP_JOB_RETRY_CYCLE", "R10/PT3S")
        .arg("--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R10/PT3S")
        .env("SERVICELOOP_ORDER_SYSTEM_URL", orderSystem.url());
  }

  private static Node ready(Node node) {
    try {
      return node.awaitReady(Duration.ofMinutes(12));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (Node node : nodes == null ? List.<Node>of() : nodes) {
      node.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (orderSystem != null) {
      orderSystem.close();
    }
    if (db != null && !"true".equals(System.getenv("SERVICELOOP_FAULT_KEEP_DB"))) {
      Db.dropPostgres(DB);
    }
  }

  /** (d) The order system fails for a while: the asynchronous PBOSS step is retried, then succeeds; no incident. */
  @Test
  @Order(1)
  void d_anOrderSystemOutageCostsRetriesNotIncidents() throws Exception {
    Engine.ok(Http.post(a, "/api/coverage", Node.ADMIN, Node.ADMIN_PASSWORD, "text/csv",
        "region,compound,building,freePorts\nHangzhou-Xihu,Fault Court,1,50\n", Engine.TIMEOUT), "coverage");
    orderSystem.failing = true;
    long outageStart = System.nanoTime();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Node node = nodes.get(i % 2);
      Map<String, Object> order = new HashMap<>();
      order.put("channel", "BUSINESS_HALL");
      order.put("customerPhone", String.format("1391234%04d", i));
      order.put("customerName", "Li Lei");
      order.put("region", "Hangzhou-Xihu");
      order.put("address", Map.of("compound", "Fault Court", "building", "1", "room", "30" + i));
      order.put("package", "100M");
      order.put("constructionMode", "SELF_BUILT");
      order.put("businessHall", "Wulin Hall");
      order.put("hallRegion", "Hangzhou-Gongshu");
      order.put("payment", Map.of("method", "POS", "amount", 300, "invoiceNo", "INV-F" + i, "customerSigned", true));
      Http.Answer answer = Engine.ok(Http.postJson(node, "/api/broadband-orders", Node.ADMIN, Node.ADMIN_PASSWORD,
          order, Engine.TIMEOUT), "broadband order");
      orders.add((String) answer.json().get("orderNo"));
    }
    // Down until every order was refused at least twice (the retry cycle is R10/PT3S here).
    awaitTrue(Duration.ofSeconds(90), () -> orders.stream().allMatch(o ->
        orderSystem.refused.containsKey(o) && orderSystem.refused.get(o).get() >= 2));
    orderSystem.failing = false;
    long outageMillis = (System.nanoTime() - outageStart) / 1_000_000;
    long recoveredAt = System.nanoTime();
    awaitTrue(Duration.ofSeconds(90), () -> orders.stream().allMatch(o -> orderSystem.numberOf(o) != null)
        && db.count("SELECT count(*) FROM sl_work_order WHERE order_no = ANY (?) AND order_system_no IS NOT NULL",
            (Object) orders.toArray(String[]::new)) == orders.size());
    long drainMillis = (System.nanoTime() - recoveredAt) / 1_000_000;
    List<Integer> attempts = orders.stream().map(o -> orderSystem.attempts.get(o).get()).toList();
    long incidents = db.count("SELECT count(*) FROM act_ru_incident");
    for (String o : orders) {
      assertThat(db.one("SELECT order_system_no FROM sl_work_order WHERE order_no = ?", o))
          .isEqualTo(orderSystem.numberOf(o));
    }
    System.out.printf("FAULT d: order system down %d ms: %d orders, attempts per order %s (min %d, max %d),"
        + " all entered %d ms after it came back, incidents %d%n", outageMillis, orders.size(), attempts,
        attempts.stream().mapToInt(Integer::intValue).min().orElse(0),
        attempts.stream().mapToInt(Integer::intValue).max().orElse(0), drainMillis, incidents);
    assertThat(attempts).allMatch(n -> n >= 3);
    assertThat(incidents).isZero();
  }

  /** (c) 5,000 deadlines due at once over both nodes: each job once, no deadlock, no incident; time to drain. */
  @Test
  @Order(2)
  void c_aTimerStormIsDrainedOnceEach() throws Exception {
    Engine.setTimersSuspended(a, timerJobDefinition, true);
    long deadlocksBefore = deadlocks();
    long createStart = System.nanoTime();
    startTimers("storm", STORM);
    long createMillis = (System.nanoTime() - createStart) / 1_000_000;
    assertThat(db.count("SELECT count(*) FROM act_ru_job WHERE job_def_id_ = ? AND suspension_state_ = 2",
        timerJobDefinition)).isEqualTo(STORM);
    Instant activated = Instant.now();
    long t0 = System.nanoTime();
    Engine.setTimersSuspended(a, timerJobDefinition, false);
    wakeJobExecutors("storm");
    int expected = STORM + 2;
    awaitTrue(Duration.ofMinutes(8), () -> finished("storm") == expected);
    long drainMillis = (System.nanoTime() - t0) / 1_000_000;
    Object[] span = db.rows("""
        SELECT min(a.end_time_), max(a.end_time_) FROM act_hi_actinst a JOIN act_hi_procinst p
          ON p.proc_inst_id_ = a.proc_inst_id_
        WHERE p.business_key_ LIKE 'storm-%' AND a.act_id_ = 'Timer_Deadline'""").get(0);
    long firstMillis = ((java.sql.Timestamp) span[0]).toInstant().toEpochMilli() - activated.toEpochMilli();
    long spanMillis = ((java.sql.Timestamp) span[1]).getTime() - ((java.sql.Timestamp) span[0]).getTime();
    Map<String, Long> perNode = successesPerNode("storm");
    long twice = db.count("""
        SELECT count(*) FROM (SELECT l.job_id_ FROM act_hi_job_log l JOIN act_hi_procinst p
          ON p.proc_inst_id_ = l.process_instance_id_ WHERE p.business_key_ LIKE 'storm-%' AND l.job_state_ = 2
          GROUP BY l.job_id_ HAVING count(*) > 1) d""");
    long failed = db.count("""
        SELECT count(*) FROM act_hi_job_log l JOIN act_hi_procinst p ON p.proc_inst_id_ = l.process_instance_id_
        WHERE p.business_key_ LIKE 'storm-%' AND l.job_state_ = 1""");
    long fired = db.count("""
        SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.proc_inst_id_ = a.proc_inst_id_
        WHERE p.business_key_ LIKE 'storm-%' AND a.act_id_ = 'Timer_Deadline' AND a.end_time_ IS NOT NULL""");
    long incidents = db.count("SELECT count(*) FROM act_ru_incident");
    long deadlocks = deadlocks() - deadlocksBefore;
    long optimistic = count(a.logText() + b.logText(), "OptimisticLockingException");
    System.out.printf("FAULT c: %d timers due at once (created in %d ms), all fired %d ms after they fell due"
        + " (first after %d ms, first to last %d ms = %.0f jobs/s) by %s; fired %d, executed twice %d, failed"
        + " attempts %d, deadlocks %d, incidents %d, optimistic-locking log lines %d%n", expected, createMillis,
        drainMillis, firstMillis, spanMillis, expected * 1000.0 / Math.max(1, spanMillis), perNode, fired, twice,
        failed, deadlocks, incidents, optimistic);
    assertThat(fired).isEqualTo(expected);
    assertThat(perNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
    assertThat(perNode).containsKeys("node-a", "node-b");
    assertThat(twice).isZero();
    assertThat(deadlocks).isZero();
    assertThat(incidents).isZero();
    assertThat(activated).isBefore(Instant.now());
  }

  /** (b) The database goes away for 30 s under load: every request answered 201 or 503 in bounded time, nothing acknowledged lost, recovery without restart. */
  @Test
  @Order(3)
  void b_aDatabaseOutageIsAnswered503AndRecoversByItself() throws Exception {
    ComplaintLoad load = new ComplaintLoad("1370");
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<?> running = runner.submit(() -> {
      load.run(nodes, 4, 100_000, 150, Duration.ofSeconds(120), Duration.ofSeconds(30), stop::get);
      return null;
    });
    Thread.sleep(8_000);
    long cutAt = System.nanoTime();
    proxy.cut();
    Thread.sleep(30_000);
    proxy.restore();
    long restoredAt = System.nanoTime();
    long cutMs = (cutAt - load.startedNanos) / 1_000_000;
    long restoredMs = (restoredAt - load.startedNanos) / 1_000_000;
    // Until each node has answered 201 again (at most 60 s), then 5 s more of load.
    awaitTrue(Duration.ofSeconds(60), () -> nodes.stream().allMatch(n -> load.outcomes().stream().anyMatch(o ->
        o.node().equals(n.name) && o.status() == 201 && o.atMillis() - o.millis() > restoredMs)));
    Thread.sleep(5_000);
    stop.set(true);
    running.get();
    runner.shutdown();
    List<ComplaintLoad.Outcome> all = load.outcomes();
    Map<Integer, Long> statuses = all.stream().collect(Collectors.groupingBy(ComplaintLoad.Outcome::status,
        java.util.TreeMap::new, Collectors.counting()));
    List<ComplaintLoad.Outcome> during = all.stream()
        .filter(o -> o.atMillis() >= cutMs && o.atMillis() - o.millis() <= restoredMs).toList();
    List<Long> duringMillis = during.stream().map(ComplaintLoad.Outcome::millis).toList();
    // How long a request waited once the database was gone (a request sent before the cut counts from it).
    List<Long> waitedMillis = during.stream()
        .map(o -> o.atMillis() - Math.max(o.atMillis() - o.millis(), cutMs)).toList();
    List<ComplaintLoad.Outcome> unavailable = all.stream().filter(o -> o.status() == 503).toList();
    Map<String, Long> recovery = new LinkedHashMap<>();
    for (Node n : nodes) {
      recovery.put(n.name, all.stream().filter(o -> o.node().equals(n.name) && o.status() == 201
          && o.atMillis() - o.millis() > restoredMs).mapToLong(o -> o.atMillis() - restoredMs).min().orElse(-1));
    }
    List<String> acknowledged = load.acknowledged();
    long present = presentOnce(acknowledged);
    String slowest = during.stream().sorted((x, y) -> Long.compare(y.millis(), x.millis())).limit(3)
        .map(o -> o.status() + " in " + o.millis() + " ms sent at cut" + signed(o.atMillis() - o.millis() - cutMs))
        .collect(Collectors.joining(", "));
    System.out.printf("FAULT b: database cut for 30 s under load: %d requests %s; during the outage %d answered,"
        + " median %d ms, max %d ms, max after the cut %d ms (pool timeout %d ms; slowest: %s); acknowledged %d,"
        + " present %d, lost %d; first 201 after the database returned (ms) %s, no restart%n", all.size(), statuses,
        during.size(), ComplaintLoad.median(duringMillis), ComplaintLoad.max(duringMillis),
        ComplaintLoad.max(waitedMillis), POOL_TIMEOUT_MS, slowest,
        acknowledged.size(), present, acknowledged.size() - present, recovery);
    all.stream().filter(o -> o.status() != 201 && o.status() != 503).limit(3)
        .forEach(o -> System.out.println("  unexpected answer " + o.status() + ": " + o.body()));
    assertThat(statuses.keySet()).as("every request answered 201 or 503").containsOnly(201, 503);
    assertThat(unavailable).isNotEmpty().allSatisfy(o -> {
      assertThat(o.retryAfter()).isNotBlank();
      assertThat(o.body()).contains("\"message\"").doesNotContainIgnoringCase("select ")
          .doesNotContainIgnoringCase("insert ");
    });
    // At most two waits for a connection (authentication, then the transaction), plus time to answer.
    assertThat(ComplaintLoad.max(waitedMillis)).isLessThanOrEqualTo(2L * POOL_TIMEOUT_MS + 2_000);
    describeMissing(load);
    assertThat(present).isEqualTo(acknowledged.size());
    assertThat(recovery.values()).allMatch(ms -> ms >= 0);
  }

  /** (a) kill -9 of one node mid-load: every acknowledged complaint once, order numbers unique, its timers fired once by the survivor. */
  @Test
  @Order(4)
  void a_killingOneNodeLosesNothingAcknowledged() throws Exception {
    int timers = 600;
    Engine.setTimersSuspended(b, timerJobDefinition, true);
    startTimers("kill", timers);
    ComplaintLoad load = new ComplaintLoad("1360");
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<?> running = runner.submit(() -> {
      load.run(nodes, 4, 200, 50, Duration.ofSeconds(180), Duration.ofSeconds(30), () -> false);
      return null;
    });
    awaitTrue(Duration.ofSeconds(120), () -> load.acknowledged().size() >= 60);
    Engine.setTimersSuspended(b, timerJobDefinition, false);
    wakeJobExecutors("kill");
    int expected = timers + 2;
    // Kill node-a while it is working through the timers: once it has fired some of them (an idle job
    // executor may take up to max-wait to look again), at a moment when both nodes hold timer jobs locked
    // (two lock owners), so that node-a dies holding some (it finishes a batch of 3 in tens of milliseconds).
    awaitTrue(Duration.ofSeconds(90), () -> db.count("""
        SELECT count(*) FROM act_hi_job_log l JOIN act_hi_procinst p ON p.proc_inst_id_ = l.process_instance_id_
        WHERE p.business_key_ LIKE 'kill-%' AND l.job_state_ = 2 AND l.hostname_ = 'node-a'""") > 0
        && lockedTimerJobs().values().stream().map(owner -> owner.substring(0, owner.indexOf('@'))).distinct()
            .count() >= 2);
    a.kill();
    Instant killedAt = Instant.now();
    int ackBeforeKill = load.acknowledged().size();
    Map<String, String> lockedAtKill = lockedTimerJobs();
    Thread.sleep(4_000);
    Map<String, String> stillLocked = lockedTimerJobs();
    Set<String> heldByKilled = new HashSet<>();
    lockedAtKill.forEach((job, owner) -> {
      if (owner.equals(stillLocked.get(job))) {
        heldByKilled.add(job);
      }
    });
    running.get();
    runner.shutdown();
    awaitTrue(Duration.ofSeconds(LOCK_TIME_MS / 1000 + 120), () -> finished("kill") == expected);
    long takeoverMillis = Duration.between(killedAt, Instant.now()).toMillis();
    List<String> acknowledged = load.acknowledged();
    long present = presentOnce(acknowledged);
    long duplicateNumbers = db.count("SELECT count(*) FROM (SELECT order_no FROM sl_work_order GROUP BY order_no"
        + " HAVING count(*) > 1) d");
    long orphans = db.count("SELECT count(*) FROM sl_work_order w WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p"
        + " WHERE p.business_key_ = w.order_no)");
    // a retry of a request the killed node had committed is answered from that order, never a second one
    long retriedTwice = db.count("SELECT count(*) FROM (SELECT customer_phone FROM sl_work_order"
        + " WHERE customer_phone LIKE '1360%' GROUP BY customer_phone HAVING count(*) > 1) d");
    long replayed = load.count(200);
    Map<String, Long> heldFiredBy = new java.util.TreeMap<>();
    long heldFiredOnce = 0;
    for (String job : heldByKilled) {
      List<String> hosts = db.strings("SELECT hostname_ FROM act_hi_job_log WHERE job_id_ = ? AND job_state_ = 2", job);
      if (hosts.size() == 1) {
        heldFiredOnce++;
      }
      hosts.forEach(h -> heldFiredBy.merge(h, 1L, Long::sum));
    }
    long twice = db.count("""
        SELECT count(*) FROM (SELECT l.job_id_ FROM act_hi_job_log l JOIN act_hi_procinst p
          ON p.proc_inst_id_ = l.process_instance_id_ WHERE p.business_key_ LIKE 'kill-%' AND l.job_state_ = 2
          GROUP BY l.job_id_ HAVING count(*) > 1) d""");
    long refused = load.count(-1);
    System.out.printf("FAULT a: kill -9 of node-a after %d acknowledged complaints: %d attempts, %d acknowledged"
        + " (201), present exactly once %d, lost %d, duplicate order numbers %d, work orders without process %d,"
        + " refused connections retried on node-b %d (answered from the order node-a had committed %d, complaints"
        + " recorded twice %d); %d timers due, %d held by node-a when killed, fired once"
        + " %d, by %s, all %d fired within %d ms of the kill (lock time %d ms), executed twice %d%n",
        ackBeforeKill, load.outcomes().size(), acknowledged.size(), present, acknowledged.size() - present,
        duplicateNumbers, orphans, refused, replayed, retriedTwice, expected, heldByKilled.size(), heldFiredOnce, heldFiredBy, expected,
        takeoverMillis, LOCK_TIME_MS, twice);
    describeMissing(load);
    assertThat(present).isEqualTo(acknowledged.size());
    assertThat(duplicateNumbers).isZero();
    assertThat(orphans).isZero();
    assertThat(retriedTwice).as("complaints recorded twice by a retry").isZero();
    // whether node-a holds jobs at the kill depends on which node acquired last (CI on 7521126: none); when it
    // held some, each was fired once, by node-b, after its lock expired
    if (!heldByKilled.isEmpty()) {
      assertThat(heldFiredOnce).isEqualTo(heldByKilled.size());
      assertThat(heldFiredBy).containsOnlyKeys("node-b");
    }
    assertThat(twice).isZero();
    assertThat(db.count("SELECT count(*) FROM act_ru_incident")).isZero();
  }

  // ---------------------------------------------------------------------------------------------------

  private void startTimers(String prefix, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Http.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i % 2).alive() ? nodes.get(i % 2) : b;
      String key = String.format("%s-%05d", prefix, i);
      answers.add(pool.submit(() -> Engine.startTimer(node, key)));
    }
    for (Future<Http.Answer> answer : answers) {
      Engine.ok(answer.get(), "start timer");
    }
    pool.shutdown();
  }

  /**
   * Activated jobs do not wake an idle job executor (it looks again after its idle wait, up to max-wait
   * = 60 s); a job created due now does. One such timer through each node, as busy nodes would be.
   */
  private void wakeJobExecutors(String prefix) {
    for (Node node : nodes) {
      if (node.alive()) {
        Engine.ok(Engine.startTimer(node, prefix + "-wake-" + node.name), "wake " + node.name);
      }
    }
  }

  private long finished(String prefix) throws Exception {
    return db.count("SELECT count(*) FROM act_hi_procinst WHERE business_key_ LIKE ? AND end_time_ IS NOT NULL",
        prefix + "-%");
  }

  private Map<String, Long> successesPerNode(String prefix) throws Exception {
    Map<String, Long> perNode = new java.util.TreeMap<>();
    for (Object[] row : db.rows("""
        SELECT l.hostname_, count(*) FROM act_hi_job_log l JOIN act_hi_procinst p
          ON p.proc_inst_id_ = l.process_instance_id_
        WHERE p.business_key_ LIKE ? AND l.job_state_ = 2 GROUP BY l.hostname_""", prefix + "-%")) {
      perNode.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
    }
    return perNode;
  }

  private Map<String, String> lockedTimerJobs() throws Exception {
    Map<String, String> locked = new HashMap<>();
    for (Object[] row : db.rows("SELECT id_, lock_owner_ || '@' || lock_exp_time_ FROM act_ru_job"
        + " WHERE job_def_id_ = ? AND lock_owner_ IS NOT NULL", timerJobDefinition)) {
      locked.put((String) row[0], (String) row[1]);
    }
    return locked;
  }

  /** How many of the acknowledged order numbers have exactly one work order and one process instance. */
  /** For each acknowledged order not present exactly once: who answered, when, and what the database holds. */
  private void describeMissing(ComplaintLoad load) throws Exception {
    for (ComplaintLoad.Outcome o : load.outcomes()) {
      if (!ComplaintLoad.acknowledges(o.status()) || presentOnce(List.of(o.orderNo())) == 1) {
        continue;
      }
      System.out.printf("  MISSING %s: answered by %s in %d ms at %d ms (attempt %d); work orders %s;"
          + " process instances %s; all answers for this attempt %s%n", o.orderNo(), o.node(), o.millis(),
          o.atMillis(), o.attempt(),
          db.rows("SELECT id, status, process_instance_id, customer_phone FROM sl_work_order WHERE order_no = ?",
              o.orderNo()).stream().map(java.util.Arrays::toString).toList(),
          db.rows("SELECT proc_inst_id_, proc_def_key_, state_, start_time_ FROM act_hi_procinst WHERE business_key_ = ?",
              o.orderNo()).stream().map(java.util.Arrays::toString).toList(),
          load.outcomes().stream().filter(x -> x.attempt() == o.attempt())
              .map(x -> x.node() + ":" + x.status() + ":" + x.orderNo()).toList());
    }
  }

  private long presentOnce(List<String> orderNos) throws Exception {
    if (orderNos.isEmpty()) {
      return 0;
    }
    String[] keys = orderNos.toArray(String[]::new);
    return db.count("""
        SELECT count(*) FROM (SELECT w.order_no FROM sl_work_order w WHERE w.order_no = ANY (?)
          GROUP BY w.order_no HAVING count(*) = 1
          AND (SELECT count(*) FROM act_hi_procinst p WHERE p.business_key_ = w.order_no
               AND p.proc_def_key_ = 'complaint-handling') = 1) d""", (Object) keys);
  }

  private long deadlocks() throws Exception {
    return db.count("SELECT deadlocks FROM pg_stat_database WHERE datname = ?", DB);
  }

  private static String signed(long millis) {
    return (millis >= 0 ? "+" : "") + millis + " ms";
  }

  static long count(String text, String needle) {
    long n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void awaitTrue(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not reached within " + timeout);
      }
      Thread.sleep(250);
    }
  }
}
