package com.serviceloop.benchmark.load;

import com.serviceloop.complaint.api.ComplaintController;
import com.serviceloop.complaint.intake.ComplaintIntakeValidator;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The open-orders benchmark's loader (issue 12, P4), active only with the profile {@code open-orders}, inside
 * ServiceLoop's JVM (LifecycleBenchmark starts it with the test class path): {@code POST
 * /benchmark/open-orders?count=N&batch=B&phone=P} records N complaints as the intake does (the same validation and
 * process variables as POST /api/complaints, started as hotline1 through the engine's API), B per transaction,
 * without an HTTP call each. Each complaint runs to its first wait state (first contact) with its timers. Phones
 * from P upwards, one per complaint (no repeat complaints). Answers {"count", "ms"}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("open-orders")
public class OpenOrdersLoader {

  @Bean
  RouterFunction<ServerResponse> openOrdersLoad(ComplaintIntakeValidator validator, RuntimeService runtime,
      IdentityService identity, PlatformTransactionManager transactions) {
    return RouterFunctions.route().POST("/benchmark/open-orders", request -> {
      int count = Integer.parseInt(request.param("count").orElse("1000"));
      int batch = Integer.parseInt(request.param("batch").orElse("100"));
      long phone = Long.parseLong(request.param("phone").orElse("13000000000"));
      TransactionTemplate tx = new TransactionTemplate(transactions);
      long t0 = System.nanoTime();
      identity.setAuthentication("hotline1", identity.createGroupQuery().groupMember("hotline1").list().stream()
          .map(g -> g.getId()).toList());
      try {
        for (int done = 0; done < count; done += batch) {
          int n = Math.min(batch, count - done);
          long first = phone + done;
          tx.executeWithoutResult(status -> {
            for (int i = 0; i < n; i++) {
              Map<String, Object> vars = validator.require(complaint(String.valueOf(first + i)),
                  WorkOrderRepository.now(), ComplaintIntakeValidator.Source.JSON).toProcessVariables();
              vars.values().removeIf(Objects::isNull);
              runtime.createProcessInstanceByKey(ComplaintController.PROCESS_KEY).setVariables(vars).execute();
            }
          });
        }
      } finally {
        identity.clearAuthentication();
      }
      return ServerResponse.ok().body(Map.of("count", count, "ms", (System.nanoTime() - t0) / 1_000_000));
    }).build();
  }

  /** The benchmark's intake: a network-quality complaint by hotline (routed, no triage). */
  static Map<String, Object> complaint(String phone) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("customerPhone", phone);
    c.put("customerName", "王芳");
    c.put("customerSegment", "PUBLIC");
    c.put("customerTier", "STANDARD");
    c.put("brand", "GoTone");
    c.put("region", "浦东");
    c.put("channel", "HOTLINE");
    c.put("category", "NETWORK_QUALITY");
    c.put("description", "家里信号差,通话经常中断");
    c.put("location", "浦东新区张江路 100 弄");
    return c;
  }
}
