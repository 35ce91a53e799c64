package com.serviceloop.complaint.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The catalogue as dmn/complaint-template.dmn defines it, evaluated by a standalone DMN engine. */
public final class FileComplaintTemplates implements ComplaintTemplates {

  public static final Path FILE = Path.of("dmn", "complaint-template.dmn");
  public static final FileComplaintTemplates INSTANCE = new FileComplaintTemplates();

  private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnDecision decision;

  private FileComplaintTemplates() {
    try (InputStream in = Files.newInputStream(FILE)) {
      decision = engine.parseDecision(DECISION_KEY, in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + FILE.toAbsolutePath(), e);
    }
  }

  @Override
  public List<TemplateField> fieldsOf(String category) {
    return engine.evaluateDecision(decision, Map.of("category", category)).stream()
        .map(row -> new TemplateField(row.getEntry("field"), row.getEntry("label")))
        .toList();
  }
}
