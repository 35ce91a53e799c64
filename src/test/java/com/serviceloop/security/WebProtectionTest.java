package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * issue 10: /kpi and /api sent no security headers; /api/coverage accepted text/plain (a cross-site form
 * can send it with the browser's stored Basic credentials); engine-REST 500 bodies carried SQL text.
 */
@ServiceLoopTest
@ExtendWith(OutputCaptureExtension.class)
class WebProtectionTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  TestRestTemplate admin() {
    return rest.withBasicAuth("demo", "demo");
  }

  @Test
  void apiAndDashboardAnswersCarryTheSecurityHeaders() {
    for (String path : List.of("/api/kpis?month=2026-10", "/kpi/", "/kpi/history.html", "/api/complaints/CMP-999999")) {
      ResponseEntity<String> answer = rest.withBasicAuth("supervisor1", "demo").getForEntity(path, String.class);
      HttpHeaders headers = answer.getHeaders();
      assertThat(headers.getFirst("Content-Security-Policy")).as(path)
          .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      if (path.startsWith("/api/")) {
        assertThat(headers.getCacheControl()).as(path).contains("no-store");
      }
    }
    // also on a refusal
    assertThat(rest.getForEntity("/api/complaints/CMP-999999", String.class).getHeaders()
        .getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void noWriteEndpointAcceptsABodyACrossSiteFormCanSend() {
    List<String> writes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : mapping.getKey().getPatternValues()) {
        for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
          if (pattern.startsWith("/api/") && method != RequestMethod.GET) {
            writes.add(method + " " + pattern.replaceAll("\\{[^}]+}", "X1"));
          }
        }
      }
    }
    assertThat(writes).contains("POST /api/complaints", "POST /api/coverage", "PUT /api/customer-base",
        "POST /api/broadband-orders", "POST /api/fault-reports");
    long orders = count("sl_work_order");
    long coverage = count("sl_coverage");
    for (String write : writes) {
      HttpMethod method = HttpMethod.valueOf(write.split(" ")[0]);
      String path = write.split(" ")[1];
      for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
          MediaType.MULTIPART_FORM_DATA)) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        Object body = type.equals(MediaType.MULTIPART_FORM_DATA)
            ? multipart("file", "region,compound,building,freePorts\nX,Y,1,5\n")
            : type.equals(MediaType.APPLICATION_FORM_URLENCODED) ? "customerPhone=13800138000"
            : "region,compound,building,freePorts\nX,Y,1,5\n";
        ResponseEntity<JsonNode> answer = admin().exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s as %s", write, type).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getBody().get("message").asText()).as(write).contains("Unsupported content type");
      }
    }
    assertThat(count("sl_work_order")).isEqualTo(orders);
    assertThat(count("sl_coverage")).isEqualTo(coverage);
  }

  @Test
  void engineRestRefusesACrossSiteFormButModelerStillDeploys() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "web-protection-probe");
    form.add("data", new ByteArrayResource(PROBE_BPMN.getBytes()) {
      @Override
      public String getFilename() {
        return "web-protection-probe.bpmn";
      }
    });
    HttpHeaders crossSite = new HttpHeaders();
    crossSite.putAll(headers);
    crossSite.setOrigin("https://evil.example");
    assertThat(admin().postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, crossSite), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    HttpHeaders fetchCrossSite = new HttpHeaders();
    fetchCrossSite.putAll(headers);
    fetchCrossSite.set("Sec-Fetch-Site", "cross-site");
    assertThat(admin().postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, fetchCrossSite),
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("web-protection-probe").count()).isZero();

    // Modeler (no Origin, no Sec-Fetch-Site)
    ResponseEntity<JsonNode> deployed = admin().postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(deployed.getBody().get("id").asText(), true);
  }

  @Test
  void engineRestServerErrorsCarryNoSql(CapturedOutput output) {
    // a step whose SQL fails (as a delegate's JdbcTemplate call would): Spring's exception names the statement
    BpmnModelInstance model = Bpmn.createExecutableProcess(SQL_PROBE).name("SQL probe").camundaHistoryTimeToLive(1)
        .startEvent().name("Start")
        .serviceTask("ServiceTask_FailingSql").name("Failing SQL")
        .camundaExpression("${jdbcTemplate.update('UPDATE sl_no_such_table SET secret_column = 1')}")
        .endEvent().name("End").done();
    Deployment deployment = repositoryService.createDeployment().name(SQL_PROBE)
        .addModelInstance(SQL_PROBE + ".bpmn", model).deploy();
    try {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<JsonNode> answer = admin().postForEntity(
          "/engine-rest/process-definition/key/" + SQL_PROBE + "/start", new HttpEntity<>("{}", headers), JsonNode.class);
      assertThat(answer.getStatusCode().is5xxServerError()).as(String.valueOf(answer.getStatusCode())).isTrue();
      String text = answer.getBody().toString();
      assertThat(text).doesNotContainIgnoringCase("sql").doesNotContain("sl_no_such_table")
          .doesNotContain("secret_column").doesNotContain("UPDATE");
      assertThat(answer.getBody().get("type").asText()).isEqualTo("ServerError");
      String reference = answer.getBody().get("message").asText().replaceAll(".*reference ([0-9a-f-]+).*", "$1");
      // the original answer, SQL and all, is in the log under the reference
      assertThat(output.getOut()).containsPattern(
          "reference " + reference + "\\).*UPDATE sl_no_such_table SET secret_column");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
    // a 4xx of the engine is the caller's business and passes unchanged
    ResponseEntity<JsonNode> notFound = admin().getForEntity("/engine-rest/task/no-such-task", JsonNode.class);
    assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(notFound.getBody().get("message").asText()).contains("no-such-task");
  }

  static final String SQL_PROBE = "web-protection-sql-probe";

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static LinkedMultiValueMap<String, Object> multipart(String name, String content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(name, new ByteArrayResource(content.getBytes()) {
      @Override
      public String getFilename() {
        return "coverage.csv";
      }
    });
    return form;
  }

  static final String PROBE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe"
          targetNamespace="http://serviceloop.example/probe">
        <bpmn:process id="web-protection-probe" name="Probe" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_1" name="Start"/>
        </bpmn:process>
      </bpmn:definitions>
      """;
}
