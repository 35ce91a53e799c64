package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a process owner and the engine need of every model: it parses, every node and flow has
 * diagram information, and every form, decision, called process and delegate bean it names exists.
 */
@ServiceLoopTest
class ModelTest {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\.[A-Za-z_]+\\(|})");

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;

  @Test
  void everyModelIsCompleteAndEverythingItNamesExists() throws IOException {
    List<Path> bpmnFiles = files("processes", ".bpmn");
    assertThat(bpmnFiles).isNotEmpty();
    Set<String> formIds = formIds();
    Set<String> decisionIds = decisionIds();
    Set<String> processIds = new HashSet<>();
    List<BpmnModelInstance> models = new ArrayList<>();
    for (Path file : bpmnFiles) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      models.add(model);
      model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
      assertThat(file.getFileName().toString())
          .as("file named after its process").isEqualTo(
              model.getModelElementsByType(Process.class).iterator().next().getId() + ".bpmn");
    }

    List<String> problems = new ArrayList<>();
    for (BpmnModelInstance model : models) {
      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
      Set<String> edges = new HashSet<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) problems.add(node.getId() + " has no shape");
        boolean joiningGateway = node instanceof Gateway && node.getOutgoing().size() <= 1;
        if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
          problems.add(node.getId() + " has no name");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) problems.add(flow.getId() + " has no edge");
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String form = task.getCamundaFormRef();
        if (form == null || !formIds.contains(form)) problems.add(task.getId() + " names missing form " + form);
        // latest: a form deployed alone from Modeler shows at the next task (docs/decisions.md)
        if (!"latest".equals(task.getCamundaFormRefBinding())) {
          problems.add(task.getId() + " form not bound to its latest version");
        }
        if (task.getCamundaDueDate() == null) problems.add(task.getId() + " has no due date");
        if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
          problems.add(task.getId() + " has no candidate group or assignee");
        }
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (!decisionIds.contains(task.getCamundaDecisionRef())) {
          problems.add(task.getId() + " names missing decision " + task.getCamundaDecisionRef());
        }
      }
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (!processIds.contains(call.getCalledElement())) {
          problems.add(call.getId() + " calls missing process " + call.getCalledElement());
        }
      }
      for (ModelElementInstance element : model.getModelElementsByType(BaseElement.class)) {
        for (String attribute : new String[] {"delegateExpression", "expression"}) {
          beansExist(element.getAttributeValueNs(CAMUNDA_NS, attribute), ((BaseElement) element).getId(), problems);
        }
      }
      for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
        beansExist(in.getCamundaSourceExpression(), "camunda:in " + in.getCamundaTarget(), problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noLabelCoversAnotherLabelOrAShape() throws IOException {
    // a process owner reads the diagram: a label on a task or on another label is unreadable in Modeler
    List<String> overlaps = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<Map.Entry<String, Bounds>> labels = new ArrayList<>();
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        addLabel(labels, shape.getBpmnElement(), shape.getBpmnLabel());
      }
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        addLabel(labels, edge.getBpmnElement(), edge.getBpmnLabel());
      }
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          if (intersect(labels.get(i).getValue(), labels.get(j).getValue())) {
            overlaps.add(file.getFileName() + ": label of " + labels.get(i).getKey() + " on label of " + labels.get(j).getKey());
          }
        }
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
          // containers (sub-processes, pools, lanes) hold labels by design
          boolean container = shape.getBpmnElement() instanceof SubProcess || shape.getBpmnElement() instanceof Participant
              || shape.getBpmnElement() instanceof Lane;
          if (!container && !shape.getBpmnElement().getId().equals(labels.get(i).getKey())
              && intersect(labels.get(i).getValue(), shape.getBounds())) {
            overlaps.add(file.getFileName() + ": label of " + labels.get(i).getKey() + " on " + shape.getBpmnElement().getId());
          }
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  @Test
  void everyDiagramShowsWhoDoesWhatInLanes() throws IOException {
    // issue 13: one pool, every step of the process in exactly one lane, and drawn inside that lane's band
    List<String> problems = new ArrayList<>();
    for (Path file : files("processes", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Map<String, Bounds> bounds = new java.util.HashMap<>();
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        bounds.put(shape.getBpmnElement().getId(), shape.getBounds());
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        Map<String, Lane> laneOf = new java.util.HashMap<>();
        process.getLaneSets().forEach(set -> set.getLanes().forEach(lane -> lane.getFlowNodeRefs().forEach(node -> {
          if (laneOf.put(node.getId(), lane) != null) {
            problems.add(file.getFileName() + ": " + node.getId() + " in two lanes");
          }
        })));
        for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
          Lane lane = laneOf.get(node.getId());
          if (lane == null) {
            problems.add(file.getFileName() + ": " + node.getId() + " in no lane");
            continue;
          }
          Bounds n = bounds.get(node.getId());
          Bounds l = bounds.get(lane.getId());
          boolean boundary = node instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
          if (l == null || (!boundary && (n.getY() < l.getY() || n.getY() + n.getHeight() > l.getY() + l.getHeight()))) {
            problems.add(file.getFileName() + ": " + node.getId() + " drawn outside its lane " + lane.getName());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void addLabel(List<Map.Entry<String, Bounds>> labels, BaseElement element, BpmnLabel label) {
    if (label != null && label.getBounds() != null) {
      labels.add(Map.entry(element.getId(), label.getBounds()));
    }
  }

  private static boolean intersect(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  @Test
  void everyModelIsDeployedUnderItsRelativeName() throws IOException {
    // deploy-changed-only: the application's deployments together hold every model, each under its relative name
    Set<String> deployed = new HashSet<>();
    for (var deployment : repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .deploymentSource(ModelDeployer.SOURCE).list()) {
      deployed.addAll(repositoryService.getDeploymentResourceNames(deployment.getId()));
    }
    List<String> expected = new ArrayList<>();
    for (String[] folder : new String[][] {{"processes", ".bpmn"}, {"dmn", ".dmn"}, {"forms", ".form"}}) {
      files(folder[0], folder[1]).forEach(f -> expected.add(folder[0] + "/" + f.getFileName()));
    }
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Every ${bean...} an expression names is a Spring bean (process variables are lower-case too, so only
   *  names followed by a method call or used as a whole delegate expression count). */
  private void beansExist(String expression, String where, List<String> problems) {
    if (expression == null) {
      return;
    }
    Matcher bean = BEAN.matcher(expression);
    while (bean.find()) {
      if (!context.containsBean(bean.group(1))) {
        problems.add(where + " names missing bean " + bean.group(1));
      }
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files("forms", ".form")) {
      JsonNode node = json.readTree(form.toFile());
      ids.add(node.get("id").asText());
    }
    return ids;
  }

  private static Set<String> decisionIds() throws IOException {
    Set<String> ids = new HashSet<>();
    var dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    for (Path file : files("dmn", ".dmn")) {
      try (var in = Files.newInputStream(file)) {
        dmnEngine.parseDecisions(in).forEach(d -> ids.add(d.getKey()));
      }
    }
    return ids;
  }
}
