package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.Test;

/** The engine's JUEL can call dueDate(...) with a form's datetime string or a Date and the DMN's mode text. */
class CalendarExpressionTest {

  private final ExpressionFactory factory = new ExpressionFactoryImpl();
  private final SimpleContext context = new SimpleContext();

  private Object evaluate(String expression, Object receivedAt) {
    context.setVariable(
        "workingTimeCalendar", factory.createValueExpression(WorkingTimeCalendar.withDefaults(), WorkingTimeCalendar.class));
    context.setVariable("receivedAt", factory.createValueExpression(receivedAt, Object.class));
    context.setVariable("firstContactLimit", factory.createValueExpression("PT2H", String.class));
    context.setVariable("firstContactTimeMode", factory.createValueExpression("WORKING", String.class));
    return factory.createValueExpression(context, expression, Object.class).getValue(context);
  }

  @Test
  void dueDateFromAnExpression() {
    Date expected = Date.from(OffsetDateTime.parse("2026-11-23T10:00+08:00").toInstant());
    String expression = "${workingTimeCalendar.dueDate(receivedAt, firstContactLimit, firstContactTimeMode)}";

    assertThat(evaluate(expression, "2026-11-20T17:00+08:00")).isEqualTo(expected);
    assertThat(evaluate(expression, Date.from(OffsetDateTime.parse("2026-11-20T17:00+08:00").toInstant())))
        .isEqualTo(expected);
  }
}
