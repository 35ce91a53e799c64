package com.serviceloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' path to deployments (what Cockpit calls, with its session login and CSRF token) runs under
 * the same engine authorizations as the REST API: an auditor logged in to Cockpit may list deployments but
 * not create one; a process owner may.
 */
@ServiceLoopTest
class CockpitDeploymentTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  /** A browser session of the webapps: cookies, and the CSRF token the webapps hand out. */
  final class Session {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    String token() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
      get("/camunda/api/admin/auth/user/default"); // a fresh CSRF token for this session
      return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
          .header("X-XSRF-TOKEN", token()).header("Origin", "http://localhost:" + port)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void login(String user, String password) throws IOException, InterruptedException {
      HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/cockpit",
          "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
      assertThat(login.statusCode()).as("login %s: %s", user, login.body()).isEqualTo(200);
    }

    HttpResponse<String> deploy(String name, String fileName, String content) throws IOException, InterruptedException {
      String boundary = "----sl" + UUID.randomUUID();
      String body = part(boundary, "deployment-name", null, name)
          + part(boundary, "deployment-source", null, "Cockpit test")
          + part(boundary, fileName, fileName, content) + "--" + boundary + "--\r\n";
      return post("/camunda/api/engine/engine/default/deployment/create", "multipart/form-data; boundary=" + boundary,
          body);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String part(String boundary, String name, String fileName, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
        + "\r\n\r\n" + value + "\r\n";
  }

  @Test
  void cockpitDeploysOnlyForProcessOwners() throws Exception {
    String form = ModelerClient.file("forms/return-visit.form").replaceFirst("\"label\": \"", "\"label\": \"(cockpit) ");
    long before = repositoryService.createDeploymentQuery().count();

    Session auditor = new Session();
    auditor.login("auditor1", "demo");
    assertThat(auditor.get("/camunda/api/engine/engine/default/deployment").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = auditor.deploy("cockpit-test", "return-visit.form", form);
    assertThat(refused.statusCode()).as("%s", refused.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);

    Session owner = new Session();
    owner.login("owner1", "demo");
    HttpResponse<String> deployed = owner.deploy("cockpit-test", "return-visit.form", form);
    assertThat(deployed.statusCode()).as("%s", deployed.body()).isEqualTo(200);
    String id = ModelerClient.JSON.readTree(deployed.body()).get("id").asText();
    repositoryService.deleteDeployment(id, true);
  }
}
