package com.serviceloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After a test run, each process's coverage over all test classes: camunda-process-test-coverage writes one
 * report per test class (target/process-test-coverage/&lt;class&gt;/report.json); this sums them into
 * target/process-test-coverage/summary.md — per process the flow nodes and sequence flows any test ran, of
 * all the model has — and prints it. Registered through META-INF/services.
 */
public class ProcessCoverageSummary implements TestExecutionListener {

  static final Path REPORTS = Path.of("target", "process-test-coverage");

  /** The ids of the processes in processes/*.bpmn (a test's own probe models are not the project's). */
  static Set<String> projectProcesses() throws IOException {
    Set<String> ids = new TreeSet<>();
    java.util.regex.Pattern process = java.util.regex.Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        java.util.regex.Matcher m = process.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!Files.isDirectory(REPORTS)) {
      return;
    }
    Map<String, Integer> elements = new TreeMap<>();
    Map<String, Set<String>> covered = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> classes = Files.list(REPORTS)) {
      for (Path report : classes.map(dir -> dir.resolve("report.json")).filter(Files::isRegularFile).toList()) {
        JsonNode root = json.readTree(report.toFile());
        root.path("models").forEach(m -> elements.merge(m.path("key").asText(), m.path("totalElementCount").asInt(),
            Math::max));
        root.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(e -> {
          String source = e.path("source").asText();
          String type = e.path("type").asText();
          if ("FLOW_NODE".equals(source) && "START".equals(type) || "SEQUENCE_FLOW".equals(source)) {
            covered.computeIfAbsent(e.path("modelKey").asText(), k -> new TreeSet<>())
                .add(e.path("definitionKey").asText());
          }
        })));
      }
      Set<String> projectProcesses = projectProcesses();
      StringBuilder summary = new StringBuilder("| process (processes/*.bpmn) | elements run by a test | of | coverage |\n"
          + "|---|---|---|---|\n");
      elements.forEach((process, total) -> {
        if (!projectProcesses.contains(process)) {
          return; // a model a test deployed for itself
        }
        int hit = covered.getOrDefault(process, Set.of()).size();
        summary.append(String.format("| `%s` | %d | %d | %.1f %% |%n", process, hit, total,
            total == 0 ? 0.0 : 100.0 * hit / total));
      });
      Files.writeString(REPORTS.resolve("summary.md"), summary, StandardCharsets.UTF_8);
      System.out.println("PROCESS COVERAGE (" + REPORTS.resolve("summary.md") + ")\n" + summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
