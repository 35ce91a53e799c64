package com.serviceloop.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** serviceloop.intake.* as the application binds it: the defaults, an operator's values, a refused value. */
class IntakePropertiesTest {

  static IntakeProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("serviceloop.intake", IntakeProperties.class);
  }

  @Test
  void withoutConfiguration_aWeeksWindow_andTheRegulatorMaySetAReplyUpTo30DaysOn() {
    IntakeProperties defaults = bind(Map.of());
    assertThat(defaults.maxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.regulatorReplyMax()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void theRegulatorsLatestReplyDeadlineIsConfigured() {
    assertThat(bind(Map.of("serviceloop.intake.regulator-reply-max", "P15D")).regulatorReplyMax())
        .isEqualTo(Duration.ofDays(15));
  }

  @Test
  void aReplyLimitOfNothingIsRefusedAtStartUp() {
    assertThatThrownBy(() -> bind(Map.of("serviceloop.intake.regulator-reply-max", "PT0S")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("regulator-reply-max");
  }
}
