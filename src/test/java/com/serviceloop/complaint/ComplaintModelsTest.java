package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The deployed complaint, return-visit and escalation models: every delegate and bean they name exists,
 * every decision, form and called process they reference is deployed with them, every element is drawn.
 */
@ServiceLoopTest
class ComplaintModelsTest {

  private static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");

  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext spring;

  @ParameterizedTest
  @ValueSource(strings = {ComplaintProcess.PROCESS_ID, ReturnVisitProcess.PROCESS_ID, EscalationProcess.PROCESS_ID})
  void everythingTheModelNamesExists(String processId) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId)
        .latestVersion().singleResult();
    assertThat(definition).as("deployed %s", processId).isNotNull();
    assertThat(definition.getResourceName()).isEqualTo("processes/" + processId + ".bpmn");
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    List<String> deployed = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertBeansExist(task.getCamundaDelegateExpression(), task.getId());
    }
    for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
      assertBeansExist(in.getCamundaSourceExpression(), "camunda:in " + in.getCamundaTarget());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(definition.getDeploymentId())
          .decisionDefinitionKey(task.getCamundaDecisionRef()).count()).as(task.getId()).isEqualTo(1);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(task.getCamundaDueDate()).as("%s due date", task.getId()).isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as("%s candidate groups", task.getId()).isNotBlank();
      assertThat(deployed).as("%s form", task.getId()).contains("forms/" + task.getCamundaFormRef() + ".form");
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(definition.getDeploymentId())
          .processDefinitionKey(call.getCalledElement()).count()).as(call.getId()).isEqualTo(1);
    }
    List<String> drawn = Stream.concat(
        model.getModelElementsByType(BpmnShape.class).stream().map(shape -> shape.getBpmnElement().getId()),
        model.getModelElementsByType(BpmnEdge.class).stream().map(edge -> edge.getBpmnElement().getId())).toList();
    model.getModelElementsByType(FlowNode.class).forEach(node -> assertThat(drawn).contains(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> assertThat(drawn).contains(flow.getId()));
  }

  private void assertBeansExist(String expression, String where) {
    if (expression == null) {
      return;
    }
    Matcher bean = BEAN.matcher(expression);
    while (bean.find()) {
      assertThat(spring.containsBean(bean.group(1))).as("%s: bean %s", where, bean.group(1)).isTrue();
    }
  }
}
