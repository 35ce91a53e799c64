package com.serviceloop.kpi;

import com.serviceloop.common.EngineCaller;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed decision {@value #DECISION} (dmn/kpi-weights.dmn), latest version, as the
 * application itself: a KPI reader (an auditor) needs no permission on decision definitions.
 */
@Component
@RequiredArgsConstructor
public class DmnKpiWeightSource implements KpiWeightSource {

  public static final String DECISION = "kpi-weights";
  public static final String INPUT_KPI = "kpi";

  private final DecisionService decisionService;
  private final IdentityService identityService;

  @Override
  public List<KpiWeight> weights(Kpi kpi) {
    EngineCaller caller = EngineCaller.current(identityService);
    identityService.clearAuthentication();
    try {
      return decisionService.evaluateDecisionTableByKey(DECISION,
              Variables.createVariables().putValue(INPUT_KPI, kpi.id()))
          .getResultList().stream()
          .map(DmnKpiWeightSource::weight)
          .toList();
    } finally {
      if (caller != null) {
        caller.restore(identityService);
      }
    }
  }

  static KpiWeight weight(Map<String, Object> rule) {
    Object weight = rule.get("weight");
    if (rule.get("orderType") == null || weight == null) {
      throw new IllegalStateException("Decision " + DECISION + ": every rule needs an orderType and a weight: " + rule);
    }
    return new KpiWeight((String) rule.get("orderType"), (String) rule.get("category"),
        new BigDecimal(weight.toString()));
  }
}
