package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** issue 10: a staff user could delete their own account (the engine grants a new user ALL on itself). */
@ServiceLoopTest
class SelfDeletionTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void cleanUp() {
    if (identityService.createUserQuery().userId("selfdel1").count() > 0) {
      identityService.deleteUser("selfdel1");
    }
  }

  @Test
  void staffCannotDeleteThemselvesButStillEditTheirProfile() {
    User user = identityService.newUser("selfdel1");
    user.setFirstName("Self");
    user.setLastName("Delete");
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership("selfdel1", "hotline");

    assertThat(rest.withBasicAuth("selfdel1", "demo")
        .exchange("/engine-rest/user/selfdel1", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("selfdel1").count()).isEqualTo(1);

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("selfdel1", "demo").exchange("/engine-rest/user/selfdel1/profile", HttpMethod.PUT,
        new HttpEntity<>("{\"id\":\"selfdel1\",\"firstName\":\"Selbst\",\"lastName\":\"Delete\"}", json),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identityService.createUserQuery().userId("selfdel1").singleResult().getFirstName()).isEqualTo("Selbst");

    // a demo user created at start-up is refused too (existing grants are corrected at every start)
    assertThat(rest.withBasicAuth("hall1", "demo")
        .exchange("/engine-rest/user/hall1", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the administrator still may
    assertThat(rest.withBasicAuth("demo", "demo")
        .exchange("/engine-rest/user/selfdel1", HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }
}
