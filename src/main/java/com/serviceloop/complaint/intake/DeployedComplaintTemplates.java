package com.serviceloop.complaint.intake;

import com.serviceloop.common.TransactionScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * the engine does not check it. A category is evaluated once per transaction: the API's check and the
 * register step's check of one intake share the answer (one decision instance in the history, not two).
 */
@Component
@RequiredArgsConstructor
public class DeployedComplaintTemplates implements ComplaintTemplates {

  private static final Object EVALUATED = DeployedComplaintTemplates.class.getName() + ".evaluated";

  private final DecisionService decisionService;

  @Override
  public List<TemplateField> fieldsOf(String category) {
    Map<String, List<TemplateField>> evaluated = TransactionScope.get(EVALUATED, HashMap::new);
    if (evaluated == null) {
      return evaluate(category);
    }
    List<TemplateField> fields = evaluated.get(category);
    if (fields == null) {
      fields = evaluate(category); // a refused evaluation (an unauthorized caller) is not remembered
      evaluated.put(category, fields);
    }
    return fields;
  }

  private List<TemplateField> evaluate(String category) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.createVariables().putValue("category", category))
        .evaluate();
    List<TemplateField> fields = new ArrayList<>();
    result.forEach(row -> fields.add(new TemplateField(row.getEntry("field"), row.getEntry("label"))));
    return List.copyOf(fields);
  }
}
