package com.serviceloop.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP order-system adapter against a local stand-in: the order goes out with its idempotency key; a failure throws (the job is retried). */
class HttpOrderSystemAdapterTest {

  HttpServer server;
  final AtomicInteger status = new AtomicInteger(200);
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final List<String> keys = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    server.createContext("/orders", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      byte[] body = (status.get() == 200 ? "{\"systemNo\":\"PB00000042\"}" : "{\"message\":\"down\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status.get(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpOrderSystemAdapter adapter() {
    return new HttpOrderSystemAdapter("http://127.0.0.1:" + server.getAddress().getPort() + "/orders",
        Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void anOrderIsEnteredWithItsNumberAsIdempotencyKey() {
    assertThat(adapter().enterOrder("INS-000007", "Hangzhou-Xihu", "100M", null)).isEqualTo("PB00000042");
    assertThat(keys).containsExactly("INS-000007");
    assertThat(bodies.get(0)).contains("\"orderNo\":\"INS-000007\"", "\"homeRegion\":\"Hangzhou-Xihu\"",
        "\"package\":\"100M\"");
  }

  @Test
  void anOrderSystemThatFailsMakesTheStepFail_soTheEngineRetriesIt() {
    status.set(503);
    assertThatThrownBy(() -> adapter().enterOrder("INS-000008", "Hangzhou-Xihu", "100M", "400, not paid"))
        .isInstanceOf(RuntimeException.class).hasMessageContaining("503");
  }

  @Test
  void anUnreachableOrderSystemMakesTheStepFail() {
    HttpOrderSystemAdapter unreachable = new HttpOrderSystemAdapter("http://127.0.0.1:1/orders",
        Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> unreachable.enterOrder("INS-000009", "Hangzhou-Xihu", "100M", null))
        .isInstanceOf(RuntimeException.class);
  }
}
