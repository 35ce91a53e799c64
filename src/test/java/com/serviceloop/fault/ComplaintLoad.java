package com.serviceloop.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A bounded load of complaints posted by a channel system, spread over the nodes in turn; a node that
 * does not answer at all (connection refused or reset: killed) is retried once on the next node with the
 * same Idempotency-Key, as a channel system behind a load balancer would — the killed node may have committed
 * the order before it died, and then the retry is answered from it (200) instead of making a second order.
 * Every answer is recorded; 201 and replayed 200 answers are the acknowledged complaints, with their numbers.
 */
final class ComplaintLoad {

  static final String USER = "faultchannel";
  static final String PASSWORD = "Fault-Channel-Passw0rd-2026";

  record Outcome(int attempt, String node, int status, long millis, String orderNo, String retryAfter,
      String body, long atMillis) {}

  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger();
  /** System.nanoTime() when the load began; outcomes' times are relative to it. */
  volatile long startedNanos;
  private final String phonePrefix;

  ComplaintLoad(String phonePrefix) {
    this.phonePrefix = phonePrefix;
  }

  static Map<String, Object> complaint(String phone) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("customerPhone", phone);
    json.put("customerName", "张三");
    json.put("customerSegment", "PUBLIC");
    json.put("customerTier", "GOLD");
    json.put("region", "浦东");
    json.put("channel", "HOTLINE");
    json.put("category", "BILLING");
    json.put("description", "话费多扣 (fault test)");
    json.put("billingMonth", "2026-10");
    json.put("disputedAmount", 12.5);
    return json;
  }

  /**
   * Posts up to {@code total} complaints with {@code threads} clients, {@code pauseMillis} between a
   * client's requests, until done, {@code maxTime} passed or {@code stop} says so.
   */
  void run(List<Node> nodes, int threads, int total, long pauseMillis, Duration maxTime, Duration requestTimeout,
      BooleanSupplier stop) throws Exception {
    long t0 = System.nanoTime();
    startedNanos = t0;
    long deadline = t0 + maxTime.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < threads; c++) {
      clients.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline && !stop.getAsBoolean()) {
          String phone = phonePrefix + String.format("%07d", i);
          Node node = nodes.get(i % nodes.size());
          String key = "fault-" + phonePrefix + "-" + i;
          Http.Answer answer = Http.postJson(node, "/api/complaints", USER, PASSWORD, complaint(phone), key,
              requestTimeout);
          if (answer.status() == -1 && nodes.size() > 1) {
            record(i, node, answer, t0);
            node = nodes.get((i + 1) % nodes.size());
            answer = Http.postJson(node, "/api/complaints", USER, PASSWORD, complaint(phone), key, requestTimeout);
          }
          record(i, node, answer, t0);
          if (pauseMillis > 0) {
            try {
              Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }));
    }
    for (Future<?> client : clients) {
      client.get(maxTime.toSeconds() + 60, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
  }

  private void record(int i, Node node, Http.Answer answer, long t0) {
    String orderNo = null;
    if (acknowledges(answer.status())) {
      orderNo = (String) answer.json().get("orderNo");
    }
    outcomes.add(new Outcome(i, node.name, answer.status(), answer.millis(), orderNo, answer.retryAfter(),
        answer.body(), (System.nanoTime() - t0) / 1_000_000));
  }

  /** A copy, safe to read while the clients still answer. */
  List<Outcome> outcomes() {
    synchronized (outcomes) {
      return List.copyOf(outcomes);
    }
  }

  List<String> acknowledged() {
    synchronized (outcomes) {
      return outcomes.stream().filter(o -> acknowledges(o.status())).map(Outcome::orderNo).toList();
    }
  }

  /** 201: recorded; 200: a retry answered from the order its first attempt recorded. */
  static boolean acknowledges(int status) {
    return status == 201 || status == 200;
  }

  /** The phone numbers this load used (one per complaint). */
  List<String> phones() {
    synchronized (outcomes) {
      return outcomes.stream().map(o -> phonePrefix + String.format("%07d", o.attempt())).distinct().toList();
    }
  }

  /** Answers per status, e.g. {201=180, 503=12}, for messages. */
  Map<Integer, Long> statuses() {
    synchronized (outcomes) {
      return outcomes.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
          java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }
  }

  long count(int status) {
    synchronized (outcomes) {
      return outcomes.stream().filter(o -> o.status() == status).count();
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
  }

  static long max(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(-1);
  }
}
