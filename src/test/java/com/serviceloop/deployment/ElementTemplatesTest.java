package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.serviceloop.ServiceLoopTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Modeler element templates in element-templates/: valid against Camunda's element-template JSON schema
 * (the npm package @camunda/element-templates-json-schema, a test resource), each bean they set a published
 * bean of the application, and each input the one the processes give that bean today — so a step added from
 * the template works like the steps already in the models.
 */
@ServiceLoopTest
class ElementTemplatesTest {

  static final String SCHEMA = "/element-templates/element-templates-schema-0.22.1.json";
  static final ObjectMapper JSON = new ObjectMapper();
  static List<Path> templates;

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
      templates = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void theProjectsReusableStepsHaveTemplates() throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : templates) {
      ids.add(JSON.readTree(file.toFile()).get("id").asText());
    }
    assertThat(ids).containsExactlyInAnyOrder("com.serviceloop.notifyCustomer", "com.serviceloop.recordBreach",
        "com.serviceloop.computeDeadlines", "com.serviceloop.checkCoverage", "com.serviceloop.requestEscalation",
        "com.serviceloop.recordSlaWarning");
  }

  @Test
  void everyTemplateIsValidAgainstCamundasElementTemplateSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    for (Path file : templates) {
      Set<ValidationMessage> problems = schema.validate(JSON.readTree(file.toFile()));
      assertThat(problems).as("%s", file).isEmpty();
    }
    // the schema is not a pushover: a template without its binding is refused
    JsonNode broken = JSON.readTree(templates.get(0).toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("properties").get(0)).remove("binding");
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void everyBeanATemplateSetsIsPublishedAndGetsTheInputsTheProcessesGiveIt() throws IOException {
    PublishedBeans published = PublishedBeans.of(context, PublishedBeans.EXPLICIT);
    Map<String, Set<String>> inputsInProcesses = inputsOfEachBean();
    for (Path file : templates) {
      JsonNode template = JSON.readTree(file.toFile());
      Set<String> inputs = new TreeSet<>();
      List<String> beans = new ArrayList<>();
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        if ("camunda:inputParameter".equals(binding.get("type").asText())) {
          inputs.add(binding.get("name").asText());
        } else if ("camunda:delegateExpression".equals(binding.path("name").asText())) {
          if (property.has("choices")) {
            property.get("choices").forEach(c -> beans.add(c.get("value").asText()));
          } else {
            beans.add(property.get("value").asText());
          }
        }
      }
      assertThat(beans).as("%s sets a delegate bean", file).isNotEmpty();
      for (String expression : beans) {
        String bean = expression.replaceAll("^\\$\\{(\\w+)}$", "$1");
        assertThat(published.isPublished(bean)).as("%s: bean %s is published", file, bean).isTrue();
        if (inputsInProcesses.containsKey(bean)) {
          assertThat(inputs).as("%s: the inputs the processes give %s", file, bean)
              .isEqualTo(inputsInProcesses.get(bean));
        }
      }
    }
    assertThat(inputsInProcesses).containsKeys("recordBreach", "requestEscalation", "checkCoverage",
        "computeComplaintDeadlines", "recordSlaWarning");
  }

  /** The notify-customer template, applied as Modeler applies it, sends the SMS to the customer. */
  @Test
  void aStepFromTheNotifyTemplateSendsTheSms() throws IOException {
    JsonNode template = JSON.readTree(Path.of("element-templates/notify-customer.json").toFile());
    String bean = template.get("properties").get(0).get("value").asText();
    BpmnModelInstance model = Bpmn.createExecutableProcess("template-probe").name("Template probe")
        .camundaHistoryTimeToLive(1)
        .startEvent().name("Start")
        .serviceTask("Task_NotifyCustomer").name("Notify").camundaDelegateExpression(bean)
          .camundaInputParameter("notificationTemplate", "STATUS_UPDATE")
          .camundaInputParameter("notificationMessage", "您的工单 ${orderNo} 已受理")
        .endEvent().name("End")
        .done();
    String deployment = repositoryService.createDeployment().name("element-template-test")
        .addModelInstance("template-probe.bpmn", model).deploy().getId();
    String orderNo = "TPL-" + System.nanoTime();
    try {
      // a case's order number is its business key, as every process's register step sets it
      runtimeService.startProcessInstanceByKey("template-probe", orderNo, Map.of("orderNo", orderNo,
          "customerPhone", "13800000001"));
      assertThat(jdbc.queryForList("SELECT channel, recipient, template, message FROM sl_notification_outbox "
          + "WHERE order_no = ?", orderNo)).singleElement().satisfies(row -> {
            assertThat(row.get("channel")).isEqualTo("SMS");
            assertThat(row.get("recipient")).isEqualTo("13800000001");
            assertThat(row.get("template")).isEqualTo("STATUS_UPDATE");
            assertThat(row.get("message")).isEqualTo("您的工单 " + orderNo + " 已受理");
          });
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** For each delegate bean, the input parameter names its service tasks in processes/ give it. */
  static Map<String, Set<String>> inputsOfEachBean() throws IOException {
    Map<String, Set<String>> inputs = new java.util.HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
          String expression = task.getCamundaDelegateExpression();
          if (expression == null) {
            continue;
          }
          Set<String> names = new TreeSet<>();
          if (task.getExtensionElements() != null) {
            task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()
                .forEach(io -> io.getCamundaInputParameters().forEach(p -> names.add(p.getCamundaName())));
          }
          inputs.merge(expression.replaceAll("^\\$\\{(\\w+)}$", "$1"), names, (a, b) -> {
            Set<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
          });
        }
      }
    }
    return inputs;
  }
}
