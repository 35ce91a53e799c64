package com.serviceloop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test of the class runs with the engine clock at this moment, reset afterwards: for tests whose intake
 * times are fixed, since the intake window (a week, serviceloop.intake.max-age) is counted from the engine clock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EngineClockAt.Extension.class)
public @interface EngineClockAt {

  /** An ISO offset date-time, e.g. "2026-11-20T17:10+08:00". */
  String value();

  class Extension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      String at = context.getRequiredTestClass().getAnnotation(EngineClockAt.class).value();
      ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
    }
  }
}
