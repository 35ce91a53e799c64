package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;

import com.serviceloop.coverage.CoverageService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the process: however the order ends without its installation (cancelled, not
 * covered, deleted in Cockpit), a port still reserved for it is released. Installed orders consumed theirs.
 */
@Component("releasePortWithOrder")
@RequiredArgsConstructor
public class ReleasePortWithOrderListener implements ExecutionListener {

  private final CoverageService coverage;

  @Override
  public void notify(DelegateExecution execution) {
    String orderNo = execution.getProcessBusinessKey();
    if (orderNo != null) {
      coverage.release(orderNo);
    }
  }
}
