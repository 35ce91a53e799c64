package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of the back office's receipt: the second signature, by another authenticated
 * user than the installer's (the submission rule answers 400 first; this is the engine's own guard).
 */
@Component("recordBackOfficeHandover")
public class RecordBackOfficeHandoverListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String user = signature(task);
    if (user.equals(string(task, HANDOVER_INSTALLER_USER))) {
      throw new IllegalArgumentException("The cash handover needs both signatures by two different users: "
          + user + " already signed as the installer");
    }
    task.setVariable(HANDOVER_BACK_OFFICE_USER, user);
  }
}
