package com.serviceloop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The model policy for expressions (docs/decisions.md, "What a model may do"): an expression reads
 * process variables and calls the project's published beans, nothing else. Refused: a method call on
 * anything but a published bean (the engine's {@code execution}/{@code task} objects allow a few
 * read-only methods, the date functions {@code now()}/{@code dateTime()} their date arithmetic); a bean of
 * the application context that is not published; reflection ({@code getClass()}, {@code .class},
 * {@code forName}, class loaders) anywhere; a method or property whose name is computed at run time.
 *
 * <p>Expressions are parsed with the engine's own JUEL parser, so the policy sees exactly the tree the
 * engine would evaluate (there is no public parser API; org.camunda.bpm.impl.juel is the engine's).
 */
@RequiredArgsConstructor
public class ExpressionPolicy {

  /** What the engine puts into expressions' scope besides the variables (decisionResult: a business-rule
   *  task's result, transient, for its output mappings — so the decision result is not kept as a variable). */
  static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
      "decisionResult");
  /** Read-only methods of the context objects models use. */
  static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
      "hasVariableLocal", "getVariableTyped", "getBusinessKey", "getProcessBusinessKey", "getProcessInstanceId",
      "getId", "getCurrentActivityId", "getCurrentActivityName", "getActivityInstanceId", "getEventName",
      "getProcessDefinitionId", "getTaskDefinitionKey", "getName", "getAssignee", "getDueDate",
      "getPriority", "getCreateTime", "getTenantId", "getSingleResult", "getFirstResult", "getSingleEntry",
      "getResultList", "collectEntries");
  /** The engine's expression functions (date arithmetic, the current user). */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Reflection and engine internals: never, on anything. */
  static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader",
      "classLoader", "loadClass", "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods",
      "getDeclaredField", "getDeclaredFields", "getField", "getFields", "getDeclaredConstructor",
      "getDeclaredConstructors", "getConstructor", "getConstructors", "newInstance", "invoke", "getRuntime",
      "exec", "getModule", "module", "getProtectionDomain", "protectionDomain", "declaringClass",
      "getProcessEngine", "processEngine", "getProcessEngineServices", "processEngineServices",
      "getApplicationContext", "applicationContext", "getBean", "getBeanFactory");

  private final PublishedBeans beans;

  /** True when the text contains an expression the engine would evaluate. */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** What is wrong with the expression text (empty: allowed). */
  public List<String> violations(String text) {
    List<String> problems = new ArrayList<>();
    if (!isExpression(text)) {
      return problems;
    }
    Node root;
    try {
      root = (Node) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
          .build(text.trim()).getRoot();
    } catch (TreeBuilderException e) {
      problems.add("is not a valid expression (" + e.getMessage() + ")");
      return problems;
    }
    walk(root, problems);
    return problems;
  }

  private void walk(Node node, List<String> problems) {
    if (node instanceof AstMethod method) {
      checkCall(method, problems);
    } else if (node instanceof AstProperty property) {
      String name = memberName(property);
      if (name != null && FORBIDDEN_MEMBERS.contains(name)) {
        problems.add("reaches '" + name + "' (reflection and engine internals are not allowed)");
      } else if (name == null) {
        problems.add("reads a property whose name is computed at run time");
      }
    } else if (node instanceof AstIdentifier identifier && beans.isUnpublishedBean(identifier.getName())) {
      problems.add("names bean '" + identifier.getName() + "', which is not published to models");
    } else if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      problems.add("calls function '" + function.getName() + "()', which the engine does not offer");
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i), problems);
    }
  }

  private void checkCall(AstMethod method, List<String> problems) {
    AstProperty property = (AstProperty) method.getChild(0);
    String name = memberName(property);
    if (name == null || FORBIDDEN_MEMBERS.contains(name)) {
      return; // reported once, as a property, by walk()
    }
    Node target = property.getChild(0);
    Node root = rootOf(target);
    if (root instanceof AstIdentifier identifier) {
      String id = identifier.getName();
      if (beans.isPublished(id)) {
        return;
      }
      if (CONTEXT_OBJECTS.contains(id) && target == root) {
        if (!CONTEXT_METHODS.contains(name)) {
          problems.add("calls " + id + "." + name + "(), which models may not call (allowed on " + id + ": "
              + String.join(", ", new java.util.TreeSet<>(CONTEXT_METHODS)) + ")");
        }
        return;
      }
      if (!beans.isUnpublishedBean(id)) { // an unpublished bean is reported once, as an identifier
        problems.add("calls method '" + name + "' on '" + id + "', which is not a published bean");
      }
      return;
    }
    if (root instanceof AstFunction function && FUNCTIONS.contains(function.getName())) {
      return; // date arithmetic on now()/dateTime()
    }
    problems.add("calls method '" + name + "' on a value that is not a published bean");
  }

  /** The identifier or function a chain a.b().c['d'] starts from. */
  private static Node rootOf(Node node) {
    Node current = node;
    while (true) {
      if (current instanceof AstMethod method) {
        current = method.getChild(0).getChild(0);
      } else if (current instanceof AstProperty property) {
        current = property.getChild(0);
      } else {
        return current;
      }
    }
  }

  /** a.name or a['name'] → name; a[variable] → the variable's name is not known: null; a[0] → "0". */
  private static String memberName(AstProperty property) {
    if (property instanceof AstDot) {
      // AstDot has no accessor for its property name; its toString() is ". name"
      return property.toString().substring(2);
    }
    if (property instanceof AstBracket) {
      Node key = property.getChild(1);
      if (key instanceof AstString) {
        String quoted = key.toString();
        return quoted.substring(1, quoted.length() - 1);
      }
      if (key instanceof AstNumber || key instanceof AstIdentifier) {
        return key.toString(); // an index, or a loop variable: not a member name
      }
      return null;
    }
    return null;
  }
}
