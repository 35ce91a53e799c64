package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * issue 10: 10 wrong passwords with a channel system's user name, spread over 50 s, made 52 of its 54
 * legitimate calls fail (the engine's per-user login lock). Here the wrong passwords come from 127.0.0.2,
 * the channel system calls from 127.0.0.1 once a second, the engine clock moving 1 s per call.
 */
@ServiceLoopTest
class LoginThrottleIntegrationTest {

  static final String ATTACKER = "127.0.0.2";
  static final String CHANNEL_SYSTEM = "127.0.0.1";
  static final String CALL = "/engine-rest/user/channel1/profile";

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identityService;

  @AfterEach
  void reset() {
    ClockUtil.reset();
    throttle.reset(ATTACKER);
    throttle.reset("127.0.0.3");
    identityService.unlockUser("channel1");
  }

  @Test
  void wrongPasswordsFromElsewhereDoNotLockAChannelSystemOut() {
    Date start = new Date();
    int legitimate = 0;
    int failed = 0;
    int wrong = 0;
    for (int second = 0; second < 55; second++) {
      ClockUtil.setCurrentTime(new Date(start.getTime() + second * 1000L));
      if (second % 5 == 0 && wrong < 10) {
        assertThat(LoopbackHttp.get(ATTACKER, port, CALL, "channel1", "guess" + wrong).status()).isEqualTo(401);
        wrong++;
      }
      legitimate++;
      if (LoopbackHttp.get(CHANNEL_SYSTEM, port, CALL, "channel1", "demo").status() != 200) {
        failed++;
      }
    }
    System.out.printf("login lockout: %d wrong passwords from %s over 50 s; %d of %d legitimate calls failed%n",
        wrong, ATTACKER, failed, legitimate);
    assertThat(failed).as("legitimate calls that failed, of %d", legitimate).isZero();
  }

  @Test
  void theGuessingAddressIsRefusedAfterTenFailuresEvenWithTheRightPassword() {
    for (int i = 0; i < 10; i++) {
      assertThat(LoopbackHttp.get(ATTACKER, port, CALL, "channel1", "guess" + i).status()).isEqualTo(401);
    }
    LoopbackHttp.Response refused = LoopbackHttp.get(ATTACKER, port, CALL, "channel1", "demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 300L);
    assertThat(refused.body()).contains("Too many failed logins");
    // whatever user it names
    assertThat(LoopbackHttp.get(ATTACKER, port, "/engine-rest/user/hotline1/profile", "hotline1", "demo").status())
        .isEqualTo(429);
    // another address, the same user: fine
    assertThat(LoopbackHttp.get("127.0.0.3", port, CALL, "channel1", "demo").status()).isEqualTo(200);
    assertThat(LoopbackHttp.get(CHANNEL_SYSTEM, port, CALL, "channel1", "demo").status()).isEqualTo(200);
  }

  @Test
  void nineFailuresDoNotThrottle() {
    for (int i = 0; i < 9; i++) {
      assertThat(LoopbackHttp.get("127.0.0.3", port, CALL, "channel1", "guess" + i).status()).isEqualTo(401);
    }
    assertThat(LoopbackHttp.get("127.0.0.3", port, CALL, "channel1", "demo").status()).isEqualTo(200);
  }
}
