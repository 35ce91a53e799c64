package com.serviceloop.complaint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.workorder.WorkOrderView;
import com.serviceloop.EngineClockAt;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.WorkOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/complaints and GET /api/complaints/{orderNo} over real HTTP, as a hotline agent and a channel system. */
@ServiceLoopTest
@EngineClockAt("2026-11-20T17:10+08:00")
class ComplaintApiIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired WorkOrderRepository workOrders;

  static ObjectNode billingComplaint() {
    ObjectNode body = JSON.createObjectNode();
    body.put("customerPhone", "13912345678");
    body.put("customerName", "李四");
    body.put("customerSegment", "PUBLIC");
    body.put("customerTier", "STANDARD");
    body.put("brand", "神州行");
    body.put("region", "杭州");
    body.put("channel", "ONLINE");
    body.put("category", "BILLING");
    body.put("description", "十月账单多扣 30 元短信费");
    body.put("billingMonth", "2026-10");
    body.put("disputedAmount", 30);
    return body;
  }

  ResponseEntity<JsonNode> post(String user, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/complaints", new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, JsonNode body) {
    return post(user, body.toString(), MediaType.APPLICATION_JSON);
  }

  /** What a refused request must not change. */
  record Written(long workOrders, long instances, long historicInstances, long decisionEvaluations) {}

  Written written() {
    return new Written(
        jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order", Long.class),
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(),
        historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("complaint-template").count());
  }

  static List<String> fields(ResponseEntity<JsonNode> answer) {
    List<String> fields = new ArrayList<>();
    answer.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  @Test
  void everyBadFieldIsListedAndNothingIsWritten() {
    Written before = written();
    ObjectNode body = billingComplaint();
    body.put("customerPhone", "12345");
    body.remove("customerName");
    body.put("customerTier", "PLATINUM");
    body.put("channel", "FAX");
    body.put("receivedAt", "2026-11-20 17:00");
    body.put("billingMonth", "10/2026");
    body.put("disputedAmount", -5);

    ResponseEntity<JsonNode> answer = post("hotline1", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").asText()).isNotBlank();
    assertThat(fields(answer)).containsExactly("customerPhone", "customerName", "customerTier", "channel",
        "receivedAt", "billingMonth", "disputedAmount");
    answer.getBody().get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void anUnknownCategoryIsABadRequest() {
    Written before = written();
    ObjectNode body = billingComplaint();
    body.put("category", "ROAMING");
    ResponseEntity<JsonNode> answer = post("channel1", body);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactly("category");
    assertThat(answer.getBody().get("errors").get(0).get("message").asText()).contains("ROAMING");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void theTemplateFieldsOfTheCategoryAreRequired() {
    Written before = written();
    ObjectNode body = billingComplaint();
    body.put("category", "VALUE_ADDED_SP");
    ResponseEntity<JsonNode> answer = post("hotline1", body);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // the category's own fields missing, and the billing fields left in the body are not its fields
    assertThat(fields(answer)).containsExactly("spName", "spServiceCode", "billingMonth", "disputedAmount");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void anEmptyObjectListsEveryRequiredField() {
    ResponseEntity<JsonNode> answer = post("hotline1", JSON.createObjectNode());
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactly("customerPhone", "customerName", "customerSegment", "customerTier",
        "region", "channel", "category", "description");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequestNotAServerError() {
    Written before = written();
    for (String body : new String[] {"{\"customerPhone\": ", "[1, 2]", "\"text\"", "", "null"}) {
      ResponseEntity<JsonNode> answer = post("hotline1", body, MediaType.APPLICATION_JSON);
      assertThat(answer.getStatusCode()).as("body %s", body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().get("message").asText()).isNotBlank();
      assertThat(answer.getBody().get("errors")).isEmpty();
    }
    assertThat(post("hotline1", "customerPhone=1", MediaType.APPLICATION_FORM_URLENCODED).getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void theAdministratorIsNotRefusedBeforeValidation() {
    ResponseEntity<JsonNode> answer = post("demo", JSON.createObjectNode().put("category", "OTHER"));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).contains("customerPhone", "subject");
  }

  @Test
  void anUnknownOrderNumberIsNotFound() {
    ResponseEntity<JsonNode> answer =
        rest.withBasicAuth("auditor1", "demo").getForEntity("/api/complaints/CMP-999999", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getBody().get("message").asText()).contains("CMP-999999");
  }

  @Test
  void aValidComplaintStartsTheProcessAndAnswersWithItsWorkOrder() {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order", Long.class);

    ObjectNode body = billingComplaint();
    body.put("receivedAt", "2026-11-20T17:00+08:00");
    ResponseEntity<JsonNode> answer = post("channel1", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = answer.getBody();
    String orderNo = created.get("orderNo").asText();
    assertThat(orderNo).matches("CMP-\\d{6}");
    assertThat(answer.getHeaders().getLocation()).hasPath("/api/complaints/" + orderNo);
    assertThat(created.get("deadlines").get("firstContactDue").asText()).endsWith("+08:00");
    assertThat(created.get("deadlines").get("closureDue").asText()).endsWith("+08:00");
    assertThat(created.get("priority").isInt()).isTrue();
    assertThat(created.get("routing").has("triage")).isTrue();

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order", Long.class)).isEqualTo(rows + 1);
    WorkOrder order = workOrders.get(orderNo);
    assertThat(order.processInstanceId()).isEqualTo(created.get("processInstanceId").asText());
    assertThat(order.customerPhone()).isEqualTo("13912345678");
    assertThat(order.category()).isEqualTo("BILLING");
    assertThat(order.channel()).isEqualTo("ONLINE");
    assertThat(order.receivedAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-20T17:00+08:00").toInstant());
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(order.processInstanceId()).singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getBusinessKey()).isEqualTo(orderNo);
    assertThat(runtimeService.getVariable(instance.getId(), "receivedAt")).isInstanceOf(java.util.Date.class);
    assertThat(runtimeService.getVariable(instance.getId(), "initiator")).isEqualTo("channel1");

    ResponseEntity<JsonNode> shown =
        rest.withBasicAuth("auditor1", "demo").getForEntity("/api/complaints/" + orderNo, JsonNode.class);
    assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shown.getBody().get("orderNo").asText()).isEqualTo(orderNo);
    assertThat(shown.getBody().get("receivedAt").asText()).isEqualTo("2026-11-20T17:00+08:00");
    assertThat(shown.getBody().get("details").get("billingMonth").asText()).isEqualTo("2026-10");
  }

  @Test
  void anIntakeEvaluatesItsCategoryTemplateOnce() {
    long evaluations = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("complaint-template")
        .count();

    ObjectNode body = billingComplaint();
    body.put("receivedAt", "2026-11-20T17:00+08:00");
    assertThat(post("channel1", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // the API's check and the register step's check share one evaluation (one transaction)
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("complaint-template")
        .count()).isEqualTo(evaluations + 1);
  }

  @Test
  void aHotlineAgentMayNotRecordARegulatorReferral() {
    Written before = written();
    ResponseEntity<JsonNode> answer = post("hotline1", referral());
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody().get("message").asText()).contains("REGULATOR", "service-supervision");
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void aChannelSystemMayRecordARegulatorReferral_withTheRegulatorsReferenceAndDeadline() {
    ObjectNode body = referral();
    ResponseEntity<JsonNode> answer = post("channel1", body);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String orderNo = answer.getBody().get("orderNo").asText();
    assertThat(jdbc.queryForMap("SELECT regulator_reference, regulator_reply_due FROM sl_work_order WHERE order_no = ?",
        orderNo)).containsEntry("REGULATOR_REFERENCE", "工信部申〔2026〕0123号");
    assertThat(WorkOrderView.instant(jdbc.queryForObject(
        "SELECT regulator_reply_due FROM sl_work_order WHERE order_no = ?", Object.class, orderNo)))
        .isEqualTo(java.time.OffsetDateTime.parse("2026-11-25T17:00+08:00").toInstant());
  }

  @Test
  void aReferralWithoutItsReferenceOrDeadline_orWithADeadlineOutsideItsWindow_isRefusedAndNothingIsWritten() {
    Written before = written();
    ObjectNode missing = referral();
    missing.remove("regulatorReference");
    missing.remove("regulatorReplyDue");
    ResponseEntity<JsonNode> answer = post("channel1", missing);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactlyInAnyOrder("regulatorReference", "regulatorReplyDue");
    for (String due : List.of("2026-11-20T17:00+08:00", "2019-01-01T00:00+08:00", "2026-12-21T17:10+08:00",
        "next friday")) {
      ObjectNode body = referral();
      body.put("regulatorReplyDue", due);
      answer = post("channel1", body);
      assertThat(answer.getStatusCode()).as(due).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(fields(answer)).as(due).containsExactly("regulatorReplyDue");
    }
    ObjectNode huge = referral();
    huge.put("regulatorReference", "X".repeat(65));
    assertThat(fields(post("channel1", huge))).containsExactly("regulatorReference");
    // a complaint of another channel does not carry a regulator's reference
    ObjectNode online = billingComplaint();
    online.put("regulatorReference", "工信部申〔2026〕0123号");
    answer = post("channel1", online);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(answer)).containsExactly("regulatorReference");
    assertThat(written()).isEqualTo(before);
  }

  /** A referral the regulator set a reply deadline of Wednesday 2026-11-25 17:00 for (received Friday 17:10). */
  static ObjectNode referral() {
    ObjectNode body = billingComplaint();
    body.put("channel", "REGULATOR");
    body.put("regulatorReference", "工信部申〔2026〕0123号");
    body.put("regulatorReplyDue", "2026-11-25T17:00+08:00");
    return body;
  }
}
