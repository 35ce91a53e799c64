package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.common.Moments;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Dispatch to the installers: the internal target (装机及时率) starts now; it is the completion deadline. */
@Component("dispatchToInstaller")
@RequiredArgsConstructor
public class DispatchToInstallerDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = WorkOrderRepository.now();
    Instant target = deadlines.requiredDue(execution, Milestone.INSTALL_TARGET, now);
    workOrders.recordDispatch(orderNo(execution), now);
    orders.setInstallTarget(orderNo(execution), target);
    execution.setVariable(INSTALL_TARGET_DUE, Moments.toDate(target));
    workOrders.setStatus(orderNo(execution), STATUS_DISPATCHED);
  }
}
