package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * issue 12: the engine read the distinct group ids of the whole authorization table before every authorized
 * command, a table that grows with the open work here (per-task and per-case grants). A caller's few groups
 * are now used as they are; which tasks staff see is unchanged ({@code SecurityIntegrationTest}).
 */
@ServiceLoopTest
class AuthorizedGroupsTest {

  @Autowired ProcessEngineConfigurationImpl configuration;

  List<String> filtered(List<String> groups) {
    return configuration.getCommandExecutorTxRequired().execute((Command<List<String>>) command ->
        command.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
  }

  @Test
  void aFewGroupsAreUsedAsTheyAreWithoutReadingTheTable() {
    // a group no authorization names would have been dropped by the engine's look-up
    assertThat(filtered(List.of("hotline", "no-authorization-names-this-group")))
        .containsExactly("hotline", "no-authorization-names-this-group");
    assertThat(filtered(List.of())).isEmpty();
  }

  @Test
  void manyGroupsAreStillFilteredAgainstTheTable() {
    List<String> groups = new ArrayList<>(List.of("hotline"));
    for (int i = 0; i < AuthorizedGroups.FILTER_ABOVE; i++) {
      groups.add("directory-group-" + i);
    }
    assertThat(filtered(groups)).containsExactly("hotline");
  }
}
