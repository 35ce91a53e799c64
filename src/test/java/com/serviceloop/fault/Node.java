package com.serviceloop.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One ServiceLoop node for the fault tests: the packaged jar (target/serviceloop-*.jar, built by
 * {@code mvn package}) started as its own JVM on a loopback port, its output in target/fault-logs.
 * {@link #kill()} is {@code kill -9} (the JVM gets no chance to flush or close anything).
 */
final class Node implements AutoCloseable {

  static final String ADMIN = "faultadmin";
  static final String ADMIN_PASSWORD = "Fault-Admin-Passw0rd-2026";

  final String name;
  final int port;
  final Path workDir;
  final Path log;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private Process process;
  private long startedAt;
  long readyMillis;

  Node(String name, int port, Path workDir) throws IOException {
    this.name = name;
    this.port = port;
    this.workDir = workDir;
    Path logs = Paths.get("target", "fault-logs");
    Files.createDirectories(logs);
    Files.createDirectories(workDir);
    this.log = logs.resolve(name + ".log").toAbsolutePath();
    env.put("SERVICELOOP_ADMIN_USER", ADMIN);
    env.put("SERVICELOOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // Two nodes on one machine: each its own management port (health, metrics).
    try (ServerSocket s = new ServerSocket(0)) {
      env.put("SERVICELOOP_MANAGEMENT_PORT", String.valueOf(s.getLocalPort()));
    }
    arg("--server.port=" + port);
    arg("--server.address=127.0.0.1");
    // The engine's host name goes into every job log entry: which node executed which job.
    arg("--camunda.bpm.generic-properties.properties.hostname=" + name);
  }

  Node env(String key, String value) {
    env.put(key, value);
    return this;
  }

  Node arg(String arg) {
    args.add(arg);
    return this;
  }

  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Paths.get("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("serviceloop-.*\\.jar"))
          .findFirst().map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("No target/serviceloop-*.jar: run mvn package first"));
    }
  }

  /** A free loopback port (or base + offset when SERVICELOOP_FAULT_PORT_BASE is set). */
  static int freePort(int offset) throws IOException {
    String base = System.getenv("SERVICELOOP_FAULT_PORT_BASE");
    if (base != null && !base.isBlank()) {
      return Integer.parseInt(base.trim()) + offset;
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Node start() throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx448m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Files.writeString(log, "=== " + name + " start " + java.time.Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    startedAt = System.nanoTime();
    process = builder.start();
    return this;
  }

  /** Waits until the engine REST API answers (the engine, the schema and the models are in place). */
  Node awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start:\n" + tail(60));
      }
      Http.Answer answer = Http.get(this, "/engine-rest/version", ADMIN, ADMIN_PASSWORD, Duration.ofSeconds(5));
      if (answer.status() == 200) {
        readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
        return this;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail(60));
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
