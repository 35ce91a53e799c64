package com.serviceloop.common;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, the one time every capability reads, so that a test which moves the engine
 * clock (ClockUtil / @EngineClockAt) sees consistent timestamps in the project's own tables too.
 *
 * <p>The engine has no public API for its clock: {@code ClockUtil} (package impl.util) is the clock
 * that timers, due dates and history use. This port is the only place in src/main that reads it; a
 * move to Operaton changes this one import.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
