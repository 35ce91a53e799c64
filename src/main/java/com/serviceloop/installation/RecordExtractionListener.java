package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the back office's extraction. */
@Component("recordExtraction")
@RequiredArgsConstructor
public class RecordExtractionListener implements TaskListener {

  private final InstallationOrders orders;

  @Override
  public void notify(DelegateTask task) {
    orders.recordExtraction(orderNo(task), WorkOrderRepository.now());
  }
}
