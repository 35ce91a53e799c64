package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.Arrays;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record warning: a warning timer fired. The task's input parameters say which: {@code warningClock}
 * (a {@link SlaClock}: FIRST_CONTACT, CLOSURE, REPAIR, INSTALLATION, EXTRACTION, APPOINTMENT), {@code warningLevel} (1, 2), {@code warningDeadline} (the clock's deadline) and
 * {@code warningGroups} (the groups to tell, comma-separated: the handler's group and the one sla-warning
 * adds). The text the task shows goes to {@code slaWarningText}.
 */
@Component("recordSlaWarning")
@RequiredArgsConstructor
public class RecordSlaWarningDelegate implements JavaDelegate {

  public static final String WARNING_CLOCK = "warningClock";
  public static final String WARNING_LEVEL = "warningLevel";
  public static final String WARNING_DEADLINE = "warningDeadline";
  public static final String WARNING_GROUPS = "warningGroups";
  public static final String SLA_WARNING_TEXT = "slaWarningText";

  private final SlaWarnings warnings;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    SlaClock clock = SlaClock.of((String) execution.getVariable(WARNING_CLOCK));
    int level = Integer.parseInt(String.valueOf(execution.getVariable(WARNING_LEVEL)).trim());
    Object groups = execution.getVariable(WARNING_GROUPS);
    warnings.warn(CaseOrder.orderNo(execution), clock, level,
            calendar.toInstant(execution.getVariable(WARNING_DEADLINE)),
            groups == null ? java.util.List.of() : Arrays.asList(groups.toString().split(",")),
            WorkOrderRepository.now())
        .ifPresent(text -> execution.setVariable(SLA_WARNING_TEXT, text));
  }
}
