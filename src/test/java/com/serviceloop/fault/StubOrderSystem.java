package com.serviceloop.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the operator's order system (PBOSS) on loopback, for the external-port outage:
 * POST /orders answers 503 while {@link #failing} is set, else 200 {"systemNo": ...}, the same number
 * for a repeated Idempotency-Key. Counts every attempt per order.
 */
final class StubOrderSystem implements AutoCloseable {

  private final HttpServer server;
  final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
  private final Map<String, String> numbers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger(1);
  volatile boolean failing;

  StubOrderSystem(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/orders", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/orders";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (!"POST".equals(exchange.getRequestMethod()) || key == null || !body.contains(key)) {
      respond(exchange, 400, "{\"message\":\"POST with Idempotency-Key = orderNo\"}");
      return;
    }
    attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (failing) {
      refused.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      respond(exchange, 503, "{\"message\":\"order system down\"}");
      return;
    }
    String number = numbers.computeIfAbsent(key, k -> String.format("PBSTUB%06d", next.getAndIncrement()));
    respond(exchange, 200, "{\"systemNo\":\"" + number + "\"}");
  }

  String numberOf(String orderNo) {
    return numbers.get(orderNo);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
