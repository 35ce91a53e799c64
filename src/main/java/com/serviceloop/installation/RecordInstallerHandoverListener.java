package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the installer's handover: the first signature is the authenticated user. */
@Component("recordInstallerHandover")
public class RecordInstallerHandoverListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(HANDOVER_INSTALLER_USER, signature(task));
  }
}
