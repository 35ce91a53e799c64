package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.coverage.CoverageResult;
import com.serviceloop.coverage.CoverageService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The coverage check at acceptance: a free port is reserved for the order in the same step (one
 * conditional UPDATE), so the last port of a building is promised to one customer only.
 */
@Component("checkCoverage")
@RequiredArgsConstructor
public class CheckCoverageDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final CoverageService coverage;

  @Override
  public void execute(DelegateExecution execution) {
    CoverageResult result = coverage.reserve(orderNo(execution), string(execution, REGION),
        string(execution, COMPOUND), string(execution, BUILDING));
    execution.setVariable(COVERAGE_RESULT, result.name());
    orders.setCoverageResult(orderNo(execution), result.name());
  }
}
