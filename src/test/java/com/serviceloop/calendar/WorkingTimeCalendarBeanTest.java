package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** In the running application the calendar is the bean "workingTimeCalendar" configured by application.yaml. */
@ServiceLoopTest
class WorkingTimeCalendarBeanTest {

  @Autowired ApplicationContext context;

  @Test
  void isConfiguredFromApplicationYaml() {
    WorkingTimeCalendar calendar = context.getBean("workingTimeCalendar", WorkingTimeCalendar.class);
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(calendar.properties().workStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(calendar.properties().workEnd()).isEqualTo(LocalTime.of(18, 0));
    assertThat(calendar.properties().overrideFile()).isEmpty();
  }
}
