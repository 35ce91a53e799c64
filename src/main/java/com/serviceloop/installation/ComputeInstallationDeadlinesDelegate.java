package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The deadlines of a covered order, counted from acceptance with the rows Task_DetermineTimeLimits mapped
 * from installation-time-limit (no extraction for hall orders, no audit for the others; appointment and
 * installation for every order), and the installation row's damages rate.
 */
@Component("computeInstallationDeadlines")
@RequiredArgsConstructor
public class ComputeInstallationDeadlinesDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.requireOneRowPerMilestone(execution);
    Instant accepted = Moments.toInstant(execution.getVariable(ACCEPTED_AT), calendar.zone());
    Instant extractionDue = deadlines.due(execution, Milestone.EXTRACTION, accepted);
    Instant appointmentDue = deadlines.requiredDue(execution, Milestone.APPOINTMENT, accepted);
    Instant installationDue = deadlines.requiredDue(execution, Milestone.INSTALLATION, accepted);
    execution.setVariable(EXTRACTION_DUE, Moments.toDate(extractionDue));
    execution.setVariable(AUDIT_DUE, Moments.toDate(deadlines.due(execution, Milestone.AUDIT, accepted)));
    execution.setVariable(APPOINTMENT_DUE, Moments.toDate(appointmentDue));
    execution.setVariable(INSTALLATION_DUE, Moments.toDate(installationDue));
    execution.setVariable(INSTALLATION_TIME_MODE, deadlines.timeModeOf(execution, Milestone.INSTALLATION));
    execution.setVariable(EXTRACTION_TIME_MODE, deadlines.timeModeOf(execution, Milestone.EXTRACTION));
    execution.setVariable(APPOINTMENT_TIME_MODE, deadlines.timeModeOf(execution, Milestone.APPOINTMENT));
    execution.setVariable(DAMAGES_RATE, deadlines.damagesRatePerDay(execution));
    orders.setDeadlines(orderNo(execution), extractionDue, appointmentDue, installationDue);
    workOrders.flagUnscheduledYear(orderNo(execution),
        deadlines.unscheduledYear(execution, Milestone.EXTRACTION, accepted, extractionDue));
    workOrders.flagUnscheduledYear(orderNo(execution),
        deadlines.unscheduledYear(execution, Milestone.APPOINTMENT, accepted, appointmentDue));
    workOrders.flagUnscheduledYear(orderNo(execution),
        deadlines.unscheduledYear(execution, Milestone.INSTALLATION, accepted, installationDue));
  }
}
