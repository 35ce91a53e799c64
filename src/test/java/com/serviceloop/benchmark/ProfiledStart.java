package com.serviceloop.benchmark;

import com.serviceloop.ServiceLoopApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Not a test: ServiceLoop started with Spring's {@link BufferingApplicationStartup}
 * ({@code -Dbenchmark.profileStart=true} of {@link LifecycleBenchmark}), which logs after the start the steps
 * that took longest by their own time (a step's duration less its children's): bean creations with the
 * bean's name, the context refresh phases. Where ServiceLoop's start-up goes beyond the bare engine's.
 */
public final class ProfiledStart {

  private ProfiledStart() {}

  public static void main(String[] args) {
    BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
    SpringApplication application = new SpringApplication(ServiceLoopApplication.class);
    application.setApplicationStartup(startup);
    application.run(args);
    List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
    Map<Long, Long> childNanos = new HashMap<>();
    for (TimelineEvent e : events) {
      Long parent = e.getStartupStep().getParentId();
      if (parent != null) {
        childNanos.merge(parent, e.getDuration().toNanos(), Long::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    events.stream()
        .sorted((a, b) -> Long.compare(self(b, childNanos), self(a, childNanos)))
        .limit(40)
        .forEach(e -> lines.add(String.format("%8.0f ms own, %8.0f ms total  %s %s", self(e, childNanos) / 1e6,
            e.getDuration().toNanos() / 1e6, e.getStartupStep().getName(), tags(e.getStartupStep()))));
    System.out.println("PROFILED START — the 40 steps with the longest own time:\n" + String.join("\n", lines));
  }

  private static long self(TimelineEvent e, Map<Long, Long> childNanos) {
    return e.getDuration().toNanos() - childNanos.getOrDefault(e.getStartupStep().getId(), 0L);
  }

  private static String tags(StartupStep step) {
    return StreamSupport.stream(step.getTags().spliterator(), false)
        .filter(t -> !t.getKey().equals("beanType"))
        .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(", "));
  }
}
