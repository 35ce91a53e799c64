package com.serviceloop.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.deployment.DeploymentRefusedException.GateProblem;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The deploy gate (docs/decisions.md): a deployment that cannot run, or that breaks the model policy, is
 * refused before anything of it is stored, with one problem per element. It runs as the first of the
 * engine's deployers, inside the deploy command, on every new deployment made on someone's behalf (engine
 * REST, Cockpit, any API call with an authenticated user) and on the application's own start-up deployment.
 * Deployments by code inside the application without a user (test fixtures) are code already and not gated.
 *
 * <p>There is no public deployment hook in Camunda 7.24: {@code Deployer} and the deployment entity are the
 * engine's own SPI (org.camunda.bpm.engine.impl), as are its business calendars, used here so that a timer
 * the gate accepts is one the engine can schedule.
 */
@RequiredArgsConstructor
public class DeploymentGate implements Deployer {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
  /** DMN expression languages a decision may use; anything else is a script language. */
  static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/model/feel");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{");
  private static final Pattern PURE_NAME = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
  private static final Instant PROBE_START = Instant.parse("2026-01-05T01:00:00Z");

  private final Supplier<PublishedBeans> beans;
  private final Supplier<WorkingTimeCalendar> calendar;
  private final boolean policyEnabled;
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || !gated(deployment)) {
      return;
    }
    Map<String, Document> bpmn = new LinkedHashMap<>();
    Map<String, Document> dmn = new LinkedHashMap<>();
    Map<String, byte[]> forms = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        bpmn.put(resource.getName(), xml(resource.getBytes()));
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        dmn.put(resource.getName(), xml(resource.getBytes()));
      } else if (name.endsWith(".form")) {
        forms.put(resource.getName(), resource.getBytes());
      }
    }
    Check check = new Check(new Catalog(bpmn, dmn, forms, json));
    bpmn.forEach((name, document) -> {
      if (document != null) {
        check.bpmn(name, document);
      }
    });
    dmn.forEach((name, document) -> {
      if (document != null) {
        check.dmn(name, document);
      }
    });
    forms.forEach(check::form);
    if (!check.problems.isEmpty()) {
      throw new DeploymentRefusedException(check.problems);
    }
  }

  /** Deployed on someone's behalf, or the application's own models. */
  private static boolean gated(DeploymentEntity deployment) {
    return Context.getCommandContext().getAuthenticatedUserId() != null
        || ModelDeployer.SOURCE.equals(deployment.getSource());
  }

  /** The resource as a namespace-aware DOM, or null when it is not XML (the engine reports that itself). */
  static Document xml(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return null;
    }
  }

  /** The processes, decisions and forms this deployment brings itself. */
  record Catalog(Set<String> processes, Set<String> decisions, Set<String> forms) {
    Catalog(Map<String, Document> bpmn, Map<String, Document> dmn, Map<String, byte[]> forms, ObjectMapper json) {
      this(new HashSet<>(), new HashSet<>(), new HashSet<>());
      bpmn.values().stream().filter(d -> d != null)
          .forEach(d -> elements(d, BPMN_NS, "process").forEach(p -> processes.add(p.getAttribute("id"))));
      dmn.values().stream().filter(d -> d != null)
          .forEach(d -> elementsAnyNs(d, "decision").forEach(e -> decisions.add(e.getAttribute("id"))));
      for (byte[] form : forms.values()) {
        try {
          JsonNode id = json.readTree(form).get("id");
          if (id != null && id.isTextual()) {
            this.forms.add(id.asText());
          }
        } catch (Exception e) {
          // reported by form()
        }
      }
    }
  }

  /** One run of the gate over one deployment: the problems found, per resource. */
  private final class Check {
    final Catalog catalog;
    final Map<String, List<Problem>> problems = new LinkedHashMap<>();
    final ExpressionPolicy expressions = new ExpressionPolicy(beans.get());
    final CommandContext commandContext = Context.getCommandContext();
    final ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();

    Check(Catalog catalog) {
      this.catalog = catalog;
    }

    void problem(String resource, String elementId, String message) {
      problems.computeIfAbsent(resource, r -> new ArrayList<>()).add(new GateProblem(message, elementId));
    }

    // ---------------------------------------------------------------- BPMN

    void bpmn(String resource, Document document) {
      for (Element process : elements(document, BPMN_NS, "process")) {
        if (!"false".equals(process.getAttribute("isExecutable"))
            && process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive").isBlank()) {
          problem(resource, process.getAttribute("id"), "has no historyTimeToLive (camunda:historyTimeToLive, "
              + "e.g. P180D: how long the engine keeps its history)");
        }
      }
      for (Element task : elements(document, BPMN_NS, "userTask")) {
        String id = task.getAttribute("id");
        String formRef = task.getAttributeNS(CAMUNDA_NS, "formRef");
        if (formRef.isBlank() && task.getAttributeNS(CAMUNDA_NS, "formKey").isBlank()) {
          problem(resource, id, "user task without a form (set a Camunda Form: camunda:formRef, "
              + "formRefBinding=\"latest\")");
        } else if (!formRef.isBlank() && !ExpressionPolicy.isExpression(formRef) && !formExists(formRef)) {
          problem(resource, id, "names form '" + formRef + "', which is neither in this deployment nor deployed");
        }
        String groups = task.getAttributeNS(CAMUNDA_NS, "candidateGroups");
        if (!groups.isBlank() && !ExpressionPolicy.isExpression(groups)) {
          for (String group : groups.split(",")) {
            if (!group.isBlank() && !groupExists(group.trim())) {
              problem(resource, id, "names candidate group '" + group.trim() + "', which does not exist");
            }
          }
        }
      }
      for (Element task : elements(document, BPMN_NS, "businessRuleTask")) {
        String decision = task.getAttributeNS(CAMUNDA_NS, "decisionRef");
        if (!decision.isBlank() && !ExpressionPolicy.isExpression(decision) && !decisionExists(decision)) {
          problem(resource, task.getAttribute("id"), "names decision '" + decision
              + "', which is neither in this deployment nor deployed");
        }
      }
      for (Element call : elements(document, BPMN_NS, "callActivity")) {
        String called = call.getAttribute("calledElement");
        if (!called.isBlank() && !ExpressionPolicy.isExpression(called) && !processExists(called)) {
          problem(resource, call.getAttribute("id"), "calls process '" + called
              + "', which is neither in this deployment nor deployed");
        }
      }
      for (Element timer : elements(document, BPMN_NS, "timerEventDefinition")) {
        checkTimer(resource, timer);
      }
      walk(resource, document.getDocumentElement());
    }

    private void checkTimer(String resource, Element timer) {
      // named by the timer event (the definition's own id is rarely meaningful)
      String event = timer.getParentNode() instanceof Element parent ? idOf(parent) : idOf(timer);
      for (Node child = timer.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (!(child instanceof Element value) || !BPMN_NS.equals(value.getNamespaceURI())) {
          continue;
        }
        String text = value.getTextContent().trim();
        if (text.isEmpty()) {
          problem(resource, event, value.getLocalName() + " is empty");
          continue;
        }
        if (ExpressionPolicy.isExpression(text)) {
          continue;
        }
        String calendarName = switch (value.getLocalName()) {
          case "timeDuration" -> DurationBusinessCalendar.NAME;
          case "timeCycle" -> CycleBusinessCalendar.NAME;
          default -> DueDateBusinessCalendar.NAME;
        };
        try {
          if (engine.getBusinessCalendarManager().getBusinessCalendar(calendarName).resolveDuedate(text) == null) {
            throw new IllegalArgumentException("no due date");
          }
        } catch (RuntimeException e) {
          problem(resource, event, value.getLocalName() + " '" + text + "' cannot be parsed (ISO 8601: "
              + "a duration such as PT2H, a date-time such as 2026-12-01T09:00:00, a cycle such as R3/PT10M "
              + "or a cron expression)");
        }
      }
    }

    /** Every element: delegates, classes, scripts and (policy) every expression. */
    private void walk(String resource, Element element) {
      String id = idOf(element);
      String local = element.getLocalName();
      boolean camunda = CAMUNDA_NS.equals(element.getNamespaceURI());
      if (policyEnabled && BPMN_NS.equals(element.getNamespaceURI()) && "scriptTask".equals(local)) {
        problem(resource, id, "script task: the model policy allows no scripts (use a service task with a "
            + "published delegate bean)");
      }
      if (policyEnabled && camunda && "script".equals(local)) {
        problem(resource, id, "script (camunda:script) in a listener or mapping: the model policy allows no scripts");
      }
      if (policyEnabled && BPMN_NS.equals(element.getNamespaceURI())
          && ("conditionExpression".equals(local) || "condition".equals(local))
          && !element.getAttribute("language").isBlank()) {
        problem(resource, id, "script condition (language '" + element.getAttribute("language")
            + "'): the model policy allows expressions only");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        boolean camundaAttribute = CAMUNDA_NS.equals(attribute.getNamespaceURI())
            || attribute.getNamespaceURI() == null && camunda;
        String value = attribute.getValue();
        if (camundaAttribute && ("class".equals(name) || "variableMappingClass".equals(name))) {
          checkClass(resource, id, value);
        } else if (camundaAttribute && ("delegateExpression".equals(name)
            || "variableMappingDelegateExpression".equals(name))) {
          checkDelegateBean(resource, id, value, element);
        }
        if (policyEnabled && ExpressionPolicy.isExpression(value)) {
          expressions.violations(value).forEach(v -> problem(resource, id, "expression " + value + " " + v));
        }
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element nested) {
          walk(resource, nested);
        } else if (policyEnabled && child.getNodeType() == Node.TEXT_NODE
            || policyEnabled && child.getNodeType() == Node.CDATA_SECTION_NODE) {
          String text = child.getNodeValue();
          if (ExpressionPolicy.isExpression(text)
              && !(camunda && "script".equals(local))) {
            expressions.violations(text).forEach(v -> problem(resource, id, "expression " + text.trim() + " " + v));
          }
        }
      }
    }

    private void checkClass(String resource, String id, String className) {
      if (className.isBlank()) {
        return;
      }
      if (policyEnabled && !className.startsWith(PublishedBeans.PROJECT_PACKAGE)) {
        problem(resource, id, "camunda:class '" + className + "': the model policy allows only the project's own "
            + "delegates (com.serviceloop.*); prefer a published delegate bean (camunda:delegateExpression)");
        return;
      }
      try {
        Class<?> type = Class.forName(className, false, DeploymentGate.class.getClassLoader());
        if (!JavaDelegate.class.isAssignableFrom(type) && !ExecutionListener.class.isAssignableFrom(type)
            && !TaskListener.class.isAssignableFrom(type)
            && !org.camunda.bpm.engine.delegate.DelegateVariableMapping.class.isAssignableFrom(type)) {
          problem(resource, id, "camunda:class '" + className + "' is not a JavaDelegate, listener or mapping");
        }
      } catch (ClassNotFoundException | LinkageError e) {
        problem(resource, id, "camunda:class '" + className + "' does not exist in the application");
      }
    }

    /** ${name}: the bean must exist (that it is published is the policy's expression check). */
    private void checkDelegateBean(String resource, String id, String expression, Element element) {
      var name = PURE_NAME.matcher(expression);
      if (name.matches()) {
        PublishedBeans published = beans.get();
        String bean = name.group(1);
        if (!published.isPublished(bean) && !published.isUnpublishedBean(bean)) {
          problem(resource, id, "names delegate bean '" + bean + "', which does not exist in the application");
        }
        for (String input : published.requiredInputs(bean)) {
          if (!hasInputParameter(element, input)) {
            problem(resource, id, "runs ${" + bean + "} without its input parameter '" + input
                + "' (Modeler: Inputs; e.g. the message text the step sends)");
          }
        }
      }
    }

    private boolean hasInputParameter(Element element, String name) {
      var parameters = element.getElementsByTagNameNS(CAMUNDA_NS, "inputParameter");
      for (int i = 0; i < parameters.getLength(); i++) {
        Element parameter = (Element) parameters.item(i);
        if (name.equals(parameter.getAttribute("name")) && !parameter.getTextContent().isBlank()) {
          return true;
        }
      }
      return false;
    }

    // ---------------------------------------------------------------- DMN

    void dmn(String resource, Document document) {
      Map<String, Element> decisions = new LinkedHashMap<>();
      elementsAnyNs(document, "decision").forEach(d -> decisions.put(d.getAttribute("id"), d));
      for (Element decision : decisions.values()) {
        if (decision.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive").isBlank()) {
          problem(resource, decision.getAttribute("id"), "has no historyTimeToLive (camunda:historyTimeToLive, "
              + "e.g. P180D)");
        }
        if (policyEnabled) {
          dmnPolicy(resource, decision);
        }
        Set<String> required = requiredOutputs(decision, decisions, new HashSet<>());
        for (Element table : elementsAnyNs(decision, "decisionTable")) {
          checkOutputs(resource, table, required);
        }
      }
    }

    private void dmnPolicy(String resource, Element element) {
      String language = element.getAttribute("expressionLanguage");
      String id = element.getAttribute("id").isBlank() ? idOf(element) : element.getAttribute("id");
      if (!language.isBlank() && !DMN_LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
        problem(resource, id, "expression language '" + language + "' is a script language: the model policy "
            + "allows FEEL (and JUEL expressions) only");
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element nested) {
          dmnPolicy(resource, nested);
        } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          String text = child.getNodeValue();
          if (FEEL_EXTERNAL.matcher(text).find()) {
            problem(resource, id, "FEEL external function (Java call): the model policy allows no Java calls");
          }
          expressions.violations(text).forEach(v -> problem(resource, id, "expression " + text.trim() + " " + v));
        }
      }
    }

    /**
     * The output names of the decisions this decision requires, directly or not, in the same file (a
     * decision requirements graph): the engine evaluates them first and gives their outputs to this one by name.
     */
    private Set<String> requiredOutputs(Element decision, Map<String, Element> decisions, Set<String> visited) {
      Set<String> names = new HashSet<>();
      for (Element requirement : childrenAnyNs(decision, "informationRequirement")) {
        for (Element requiredDecision : childrenAnyNs(requirement, "requiredDecision")) {
          String id = requiredDecision.getAttribute("href").replaceFirst("^#", "");
          Element required = decisions.get(id);
          if (required != null && visited.add(id)) {
            for (Element table : childrenAnyNs(required, "decisionTable")) {
              childrenAnyNs(table, "output").forEach(o -> names.add(o.getAttribute("name")));
            }
            names.addAll(requiredOutputs(required, decisions, visited));
          }
        }
      }
      return names;
    }

    /**
     * The project's output conventions (docs/decisions.md): a "...Limit" is an ISO-8601 duration the
     * calendar can count in the row's "...TimeMode" (WORKING or NATURAL); a "...Group" names existing groups.
     * An entry that only names an output of a required decision ({@code requiredOutputs}) passes that value
     * on: it is checked in the rows of the decision that decides it.
     */
    private void checkOutputs(String resource, Element table, Set<String> requiredOutputs) {
      List<String> outputs = new ArrayList<>();
      for (Element output : childrenAnyNs(table, "output")) {
        outputs.add(output.getAttribute("name"));
      }
      for (Element rule : childrenAnyNs(table, "rule")) {
        List<Element> entries = childrenAnyNs(rule, "outputEntry");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
          String text = entries.get(i).getTextContent().trim();
          values.put(outputs.get(i), requiredOutputs.contains(text) ? null : literal(text));
        }
        String ruleId = rule.getAttribute("id");
        values.forEach((output, value) -> {
          if (value == null) {
            return;
          }
          if (output.endsWith("TimeMode") || output.equals("timeMode")) {
            try {
              WorkingTimeCalendar.TimeMode.of(value);
            } catch (RuntimeException e) {
              problem(resource, ruleId, output + " '" + value + "' is not WORKING or NATURAL");
            }
          } else if (output.endsWith("Limit") || output.equals("limit")) {
            String modeColumn = output.equals("limit") ? "timeMode"
                : output.substring(0, output.length() - "Limit".length()) + "TimeMode";
            String mode = values.getOrDefault(modeColumn, null);
            try {
              calendar.get().due(PROBE_START, value,
                  WorkingTimeCalendar.TimeMode.of(mode == null ? "NATURAL" : mode));
            } catch (RuntimeException e) {
              problem(resource, ruleId, output + " '" + value + "' is not a duration the calendar can count ("
                  + e.getMessage() + ")");
            }
          } else if (output.endsWith("Group")) {
            for (String group : value.split(",")) {
              if (!group.isBlank() && !groupExists(group.trim())) {
                problem(resource, ruleId, output + " names group '" + group.trim() + "', which does not exist");
              }
            }
          }
        });
      }
    }

    // ---------------------------------------------------------------- forms

    void form(String resource, byte[] content) {
      try {
        JsonNode form = json.readTree(content);
        if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
          problem(resource, null, "form has no \"id\" (the name user tasks refer to with camunda:formRef)");
        }
      } catch (Exception e) {
        problem(resource, null, "form is not valid JSON (" + e.getMessage() + ")");
      }
    }

    // ---------------------------------------------------------------- look-ups

    /** Whether something exists does not depend on what the deploying user may read. */
    private boolean deployed(java.util.concurrent.Callable<Boolean> lookUp) {
      return commandContext.runWithoutAuthorization(lookUp);
    }

    boolean formExists(String key) {
      return catalog.forms().contains(key) || deployed(() ->
          commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
    }

    boolean decisionExists(String key) {
      return catalog.decisions().contains(key) || deployed(() ->
          engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0);
    }

    boolean processExists(String key) {
      return catalog.processes().contains(key) || deployed(() ->
          engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() > 0);
    }

    boolean groupExists(String group) {
      return deployed(() -> engine.getIdentityService().createGroupQuery().groupId(group).count() > 0);
    }
  }

  // ---------------------------------------------------------------- DOM helpers

  /** A FEEL/JUEL string literal "x" → x; "-", empty, null → null (no value). */
  static String literal(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty() || value.equals("-") || value.equals("null")) {
      return null;
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** The id of the nearest element that has one (the flow element a problem is about). */
  static String idOf(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isBlank()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  static List<Element> elements(Document document, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    var nodes = document.getElementsByTagNameNS(namespace, localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static List<Element> elementsAnyNs(Node root, String localName) {
    List<Element> found = new ArrayList<>();
    var nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", localName)
        : ((Element) root).getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static List<Element> childrenAnyNs(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }
}
