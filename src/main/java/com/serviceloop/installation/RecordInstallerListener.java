package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the on-site task: the installer who did the job (the authenticated user). */
@Component("recordInstaller")
@RequiredArgsConstructor
public class RecordInstallerListener implements TaskListener {

  private final InstallationOrders orders;

  @Override
  public void notify(DelegateTask task) {
    if (INSTALLED.equals(string(task, INSTALL_OUTCOME))) {
      String user = authenticatedUser(task);
      task.setVariable(INSTALLED_BY, user);
      orders.recordInstalledBy(orderNo(task), user);
    }
  }
}
