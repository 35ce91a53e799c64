package com.serviceloop.intake;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What every intake controller needs: the engine, the work orders, the Idempotency-Key store, the caller's
 * rights, the intake window and the operator's calendar. One bean, so that an intake controller states only
 * what is its own (see {@link OrderIntakeController}).
 */
@Component
public record OrderIntake(RuntimeService runtime, WorkOrderRepository workOrders, IdempotencyKeys idempotency,
    ApiCaller caller, IntakeWindow window, WorkingTimeCalendar calendar) {

  /** The operator's zone, in which the answers show their moments. */
  public ZoneId zone() {
    return calendar.zone();
  }
}
