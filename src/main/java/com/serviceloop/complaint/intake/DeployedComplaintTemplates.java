package com.serviceloop.complaint.intake;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The catalogue as deployed: evaluates the latest deployed {@code complaint-template} decision, so a
 * process owner adds a category or a required field in the DMN and nowhere else.
 * Called through the API the evaluation runs as the authenticated user, who needs CREATE_INSTANCE on
 * the decision definition (granted to the intake groups by IdentitySetup); called from a delegate
 * the engine does not check it.
 */
@Component
@RequiredArgsConstructor
public class DeployedComplaintTemplates implements ComplaintTemplates {

  private final DecisionService decisionService;

  @Override
  public List<TemplateField> fieldsOf(String category) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables().putValue("category", category))
        .evaluate();
    List<TemplateField> fields = new ArrayList<>();
    result.forEach(row -> fields.add(new TemplateField(row.getEntry("field"), row.getEntry("label"))));
    return fields;
  }
}
