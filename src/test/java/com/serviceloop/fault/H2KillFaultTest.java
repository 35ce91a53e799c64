package com.serviceloop.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * (e) The embedded default (H2 file database): a complaint answered 201 survives kill -9. Two nodes
 * side by side, each on its own H2 file: "durable" with the application's default URL and "delayed" with
 * H2's own default write delay (500 ms, the setting before issue 10), so the cost of durability is
 * measured interleaved on the same machine at the same time, and the loss it prevents is shown.
 */
@Tag("fault")
class H2KillFaultTest {

  /** The embedded URL as it was: H2's default write delay. */
  static final String DELAYED_URL = "jdbc:h2:file:./data/serviceloop;DB_CLOSE_ON_EXIT=FALSE";

  @Test
  void e_anAcknowledgedComplaintSurvivesKill9OnH2() throws Exception {
    Path work = Files.createTempDirectory("serviceloop-h2-");
    Node durable = h2Node("h2-durable", Node.freePort(0), work.resolve("durable"), null);
    Node delayed = h2Node("h2-delayed", Node.freePort(1), work.resolve("delayed"), DELAYED_URL);
    try {
      startTogether(durable, delayed);
      for (Node node : List.of(durable, delayed)) {
        Engine.createUser(node, ComplaintLoad.USER, ComplaintLoad.PASSWORD, "channel-systems");
      }

      // The cost: one client, POSTs in turn to each node, 10 rounds of 10.
      List<Long> durableMillis = new ArrayList<>();
      List<Long> delayedMillis = new ArrayList<>();
      int phone = 0;
      for (int round = 0; round < 10; round++) {
        for (Node node : List.of(durable, delayed)) {
          for (int i = 0; i < 10; i++) {
            Http.Answer answer = Http.postJson(node, "/api/complaints", ComplaintLoad.USER, ComplaintLoad.PASSWORD,
                ComplaintLoad.complaint(String.format("1350%07d", phone++)), Duration.ofSeconds(30));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            (node == durable ? durableMillis : delayedMillis).add(answer.millis());
          }
        }
      }

      // The loss: a load on both, both killed at the same moment mid-load.
      ComplaintLoad durableLoad = new ComplaintLoad("1351");
      ComplaintLoad delayedLoad = new ComplaintLoad("1352");
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService runner = Executors.newFixedThreadPool(2);
      Future<?> l1 = runner.submit(() -> {
        durableLoad.run(List.of(durable), 3, 400, 0, Duration.ofSeconds(120), Duration.ofSeconds(30), killed::get);
        return null;
      });
      Future<?> l2 = runner.submit(() -> {
        delayedLoad.run(List.of(delayed), 3, 400, 0, Duration.ofSeconds(120), Duration.ofSeconds(30), killed::get);
        return null;
      });
      ClusterFaultTest.awaitTrue(Duration.ofSeconds(120), () -> {
        if (l1.isDone() || l2.isDone()) {
          throw new AssertionError("A load ended before the kill: " + durableLoad.statuses() + " "
              + delayedLoad.statuses() + " " + durableLoad.outcomes().stream().filter(o -> o.status() != 201)
                  .findFirst().map(ComplaintLoad.Outcome::body).orElse(""));
        }
        return durableLoad.acknowledged().size() >= 80 && delayedLoad.acknowledged().size() >= 80;
      });
      durable.kill();
      delayed.kill();
      killed.set(true);
      l1.get();
      l2.get();
      runner.shutdown();

      startTogether(durable, delayed);
      durable.close();
      delayed.close();
      long durableLost = lost(durable, durableLoad.acknowledged());
      long delayedLost = lost(delayed, delayedLoad.acknowledged());
      System.out.printf("FAULT e: H2 kill -9 mid-load: durable (application default) %d acknowledged, %d lost;"
          + " H2's default write delay %d acknowledged, %d lost; POST median %d ms (range %d–%d) durable vs"
          + " %d ms (range %d–%d) delayed, 100 each, interleaved%n",
          durableLoad.acknowledged().size(), durableLost, delayedLoad.acknowledged().size(), delayedLost,
          ComplaintLoad.median(durableMillis), min(durableMillis), ComplaintLoad.max(durableMillis),
          ComplaintLoad.median(delayedMillis), min(delayedMillis), ComplaintLoad.max(delayedMillis));
      assertThat(durableLost).isZero();
    } finally {
      durable.close();
      delayed.close();
    }
  }

  private static Node h2Node(String name, int port, Path dir, String url) throws Exception {
    // The default start (no profile): the administrator from SERVICELOOP_ADMIN_* (set by Node).
    Node node = new Node(name, port, dir).env("SERVICELOOP_JOB_LOCK_TIME_MS", "15000");
    if (url != null) {
      node.arg("--spring.datasource.url=" + url);
    }
    return node;
  }

  private static void startTogether(Node... nodes) throws Exception {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (Node node : nodes) {
      node.start();
    }
    for (Node node : nodes) {
      ready.add(CompletableFuture.runAsync(() -> {
        try {
          node.awaitReady(Duration.ofMinutes(12));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
  }

  /** Acknowledged order numbers missing from the node's H2 file (read after the node stopped). */
  private static long lost(Node node, List<String> acknowledged) throws Exception {
    Db h2 = new Db("jdbc:h2:file:" + node.workDir.resolve("data/serviceloop").toAbsolutePath(), "sa", "");
    List<String> present = h2.strings("SELECT order_no FROM sl_work_order");
    return acknowledged.stream().filter(o -> !present.contains(o)).count();
  }

  private static long min(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).min().orElse(-1);
  }
}
