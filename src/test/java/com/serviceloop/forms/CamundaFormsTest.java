package com.serviceloop.forms;

import com.serviceloop.common.PhoneNumbers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.complaint.intake.ComplaintIntakeFields;
import com.serviceloop.complaint.intake.FileComplaintTemplates;
import com.serviceloop.complaint.intake.TemplateField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms in forms/ against docs/contracts.md: every form of the contract exists, its id is
 * its file name, it uses only the contract's variable names, the contract's required fields are
 * required, and the intake form's template fields follow the complaint-template decision.
 */
class CamundaFormsTest {

  static final Path FORMS = Path.of("forms");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Context shown read-only on task forms (contracts: "Read-only context"). */
  static final Set<String> CONTEXT = Set.of("orderNo", "customerName", "customerPhone", "category", "description",
      "firstContactDueText", "closureDueText");

  /** form id → (field → required) as in docs/contracts.md "Task form fields". */
  static final Map<String, Map<String, Boolean>> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put("complaint-intake", fields("customerPhone!", "customerName!", "customerSegment!", "customerTier!",
        "brand", "region!", "channel!", "category!", "description!", "receivedAt",
        "location!", "businessHall!", "productName!", "billingMonth!", "disputedAmount!", "broadbandAccount!",
        "spName!", "spServiceCode!", "subject!", "regulatorReference!", "regulatorReplyDue!"));
    CONTRACT.put("complaint-regulator-report", fields("regulatorReport!"));
    CONTRACT.put("complaint-triage", fields("assuranceModule!", "responsibleGroup!", "triageNote"));
    CONTRACT.put("complaint-first-contact", fields("contactResult!", "contactNote!", "needsOnSiteVisit",
        "appointmentAt!", "laterAtCustomersRequest"));
    CONTRACT.put("complaint-on-site-visit", fields("visitNote!"));
    CONTRACT.put("complaint-resolution", fields("resolution!", "rootCause!", "responsibleParty!", "disputedAmount!",
        "documentsRequested", "documentsRequestedNote!"));
    CONTRACT.put("complaint-documents-received", fields("documentsReceivedAt!", "documentsReceivedNote!"));
    CONTRACT.put("complaint-reply", fields("replyNote!"));
    CONTRACT.put("return-visit", fields("returnVisitOutcome!", "returnVisitComment"));
    CONTRACT.put("escalation-instruction", fields("escalationInstruction!", "escalationNewDeadline"));
    // monthly-service-review (docs/kpi.md): the review's dynamic list, one row per hot issue
    CONTRACT.put("monthly-service-review", fields("issue!", "department!", "person!", "deadline!", "hardest"));
    CONTRACT.put("monthly-review-action", fields("actionResult!"));
    CONTRACT.put("monthly-review-supervision", fields("supervisionInstruction!"));
    CONTRACT.put("monthly-review-start", fields("reportMonth!"));
    // broadband installation and fault repair (docs/contracts.md "Installation and fault-repair forms")
    CONTRACT.put("broadband-order", fields("channel!", "customerPhone!", "customerName!", "region!", "compound!",
        "building!", "room", "broadbandPackage!", "constructionMode!", "acceptedAt", "businessHall!", "hallRegion!",
        "paymentMethod!", "paymentAmount!", "invoiceNo!", "customerSigned!"));
    CONTRACT.put("installation-extraction", fields("extractionNote"));
    CONTRACT.put("installation-audit", fields("auditResult!", "auditNote!"));
    CONTRACT.put("installation-appointment", fields("appointmentAt!", "appointmentNote"));
    CONTRACT.put("installation-on-site", fields("installOutcome!", "acceptanceFormSigned!", "receiptIssued!",
        "serviceManualHandedOver!", "idPhotoTaken!", "paymentMethod!", "paymentAmount!", "rescheduleReason!",
        "newAppointmentAt!", "failureReason!", "failureNote!", "failureNextStep!"));
    CONTRACT.put("installation-return-order", fields("paymentHandedIn", "formsHandedIn!", "returnNote"));
    CONTRACT.put("installation-hall-correction", fields("correctionNote!"));
    CONTRACT.put("installation-cash-handover-installer", fields("installerHandoverAmount!", "cashHandedOver!"));
    CONTRACT.put("installation-cash-handover", fields("handoverAmount!", "cashReceived!"));
    CONTRACT.put("installation-payment-mismatch", fields("supervisionNote!"));
    CONTRACT.put("fault-report", fields("customerPhone!", "customerName!", "region!", "area!", "service!", "channel!",
        "customerSegment", "description!", "receivedAt"));
    CONTRACT.put("fault-first-contact", fields("contactResult!", "contactNote!"));
    CONTRACT.put("fault-remote-resolution", fields("resolvedRemotely", "resolutionNote!", "appointmentAt!"));
    CONTRACT.put("fault-on-site-repair", fields("faultCause!", "repairNote!"));
    CONTRACT.put("fault-return-order", fields("returnNote"));
  }

  /** Read-only context a form may show beyond CONTEXT: variables the contracts name for that process. */
  static final Map<String, Set<String>> EXTRA_CONTEXT = Map.ofEntries(
      Map.entry("complaint-first-contact", Set.of("slaWarningText", "contactAttempts")),
      Map.entry("complaint-resolution", Set.of("slaWarningText")),
      Map.entry("complaint-documents-received", Set.of("documentsRequestedNote", "pausedUntilText")),
      Map.entry("complaint-on-site-visit", Set.of("appointmentAtText")),
      Map.entry("complaint-reply", Set.of("resolution")),
      Map.entry("complaint-regulator-report", Set.of("regulatorReference", "regulatorReplyDueText", "originalOrderNo",
          "resolution")),
      Map.entry("return-visit", Set.of("returnVisitDueText", "broadbandPackage", "service", "resolution")),
      Map.entry("escalation-instruction", Set.of("escalationReason", "escalationLevel", "escalationDueText")),
      Map.entry("monthly-service-review", Set.of("reportMonth", "kpiSummary")),
      Map.entry("monthly-review-action", Set.of("actionIssue", "actionDepartment", "actionPerson", "actionDue")),
      Map.entry("monthly-review-supervision", Set.of("actionIssue", "actionDepartment", "actionPerson", "actionDue")),
      Map.entry("installation-extraction", installationContext("extractionDueText", "installationDueText",
          "slaWarningText")),
      Map.entry("installation-audit", installationContext("businessHall", "paymentMethod", "paymentAmount",
          "invoiceNo", "auditDueText")),
      Map.entry("installation-appointment", installationContext("appointmentDueText", "installationDueText",
          "slaWarningText")),
      Map.entry("installation-on-site", installationContext("appointmentAtText", "installationDueText", "installTargetDueText",
          "slaWarningText")),
      Map.entry("installation-return-order", installationContext("paymentAmount", "returnOrderDueText")),
      Map.entry("installation-hall-correction", installationContext("businessHall", "paymentMethod", "paymentAmount",
          "invoiceNo", "auditNote", "appointmentDueText")),
      Map.entry("installation-cash-handover-installer", installationContext("paymentMethod", "paymentAmount",
          "handoverDueText")),
      Map.entry("installation-cash-handover", installationContext("paymentMethod", "paymentAmount", "handoverDueText",
          "handoverInstallerUser", "installerHandoverAmount")),
      Map.entry("installation-payment-mismatch", installationContext("paymentAmount", "handoverAmount",
          "handoverBackOfficeUser", "handoverInstallerUser", "paymentReviewDueText")),
      Map.entry("fault-first-contact", faultContext("repairDueText")),
      Map.entry("fault-remote-resolution", faultContext("repairDueText", "slaWarningText")),
      Map.entry("fault-on-site-repair", faultContext("appointmentAtText", "repairDueText", "slaWarningText")),
      Map.entry("fault-return-order", faultContext("returnOrderDueText")));

  /** The broadband order's address and package, shown on every installation task. */
  static Set<String> installationContext(String... more) {
    Set<String> context = new java.util.HashSet<>(Set.of("region", "compound", "building", "room",
        "broadbandPackage", "channel"));
    context.addAll(List.of(more));
    return context;
  }

  /** The fault's region, area and service, shown on every fault-repair task. */
  static Set<String> faultContext(String... more) {
    Set<String> context = new java.util.HashSet<>(Set.of("region", "area", "service"));
    context.addAll(List.of(more));
    return context;
  }

  static Map<String, JsonNode> forms = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.put(file.getFileName().toString().replace(".form", ""), JSON.readTree(file.toFile()));
      }
    }
  }

  static Map<String, Boolean> fields(String... specs) {
    Map<String, Boolean> fields = new LinkedHashMap<>();
    for (String spec : specs) {
      fields.put(spec.replace("!", ""), spec.endsWith("!"));
    }
    return fields;
  }

  static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.get("components"), all);
    return all;
  }

  static void collect(JsonNode components, List<JsonNode> into) {
    if (components == null) {
      return;
    }
    for (JsonNode component : components) {
      into.add(component);
      collect(component.get("components"), into);
    }
  }

  static JsonNode field(String formId, String key) {
    return components(forms.get(formId)).stream()
        .filter(c -> key.equals(c.path("key").asText(null)) && !c.path("readonly").asBoolean())
        .findFirst().orElseThrow(() -> new AssertionError(formId + " has no input field " + key));
  }

  @Test
  void everyContractFormExistsWithItsFileNameAsId() {
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    forms.forEach((name, form) -> {
      assertThat(form.path("id").asText()).as("id of forms/%s.form", name).isEqualTo(name);
      assertThat(form.path("type").asText()).isEqualTo("default");
      assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
      assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    });
  }

  @Test
  void formsUseOnlyTheContractsVariableNamesAndUniqueIds() {
    forms.forEach((name, form) -> {
      List<JsonNode> components = components(form);
      assertThat(components).extracting(c -> c.path("id").asText()).as("component ids of %s", name)
          .doesNotHaveDuplicates().doesNotContain("");
      for (JsonNode c : components) {
        if (!c.has("key")) {
          continue;
        }
        String key = c.get("key").asText();
        boolean context = c.path("readonly").asBoolean();
        if (context) {
          assertThat(CONTEXT.contains(key) || EXTRA_CONTEXT.getOrDefault(name, Set.of()).contains(key))
              .as("%s shows read-only context %s that the contracts do not name", name, key).isTrue();
          // disabled: Tasklist does not submit it back, so a Date variable is never overwritten by text
          assertThat(c.path("disabled").asBoolean()).as("%s context %s disabled", name, key).isTrue();
        } else {
          assertThat(CONTRACT.get(name)).as("%s submits %s, which is not in the contracts", name, key)
              .containsKey(key);
        }
      }
      assertThat(components.stream().filter(c -> c.has("key") && !c.path("readonly").asBoolean())
          .map(c -> c.get("key").asText())).as("input fields of %s", name)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(CONTRACT.get(name).keySet());
    });
  }

  @Test
  void requiredFieldsCarryValidateRequiredAndOptionalOnesDoNot() {
    CONTRACT.forEach((name, fields) -> fields.forEach((key, required) ->
        assertThat(field(name, key).path("validate").path("required").asBoolean())
            .as("%s.%s required", name, key).isEqualTo(required)));
  }

  @Test
  void labelsAreChineseAndEnglish() {
    forms.forEach((name, form) -> components(form).stream()
        .filter(c -> c.has("key"))
        .forEach(c -> {
          String label = c.has("label") ? c.get("label").asText() : c.path("dateLabel").asText();
          assertThat(label).as("label of %s.%s", name, c.get("key").asText())
              .containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{2,}");
        }));
  }

  @Test
  void theIntakeFormOffersTheContractsValuesAndValidatesThePhone() {
    assertThat(values("complaint-intake", "customerSegment")).containsExactlyElementsOf(ComplaintIntakeFields.SEGMENTS);
    assertThat(values("complaint-intake", "customerTier")).containsExactlyElementsOf(ComplaintIntakeFields.TIERS);
    assertThat(values("complaint-intake", "channel")).containsExactlyElementsOf(ComplaintIntakeFields.CHANNELS);
    for (String intake : List.of("complaint-intake", "broadband-order", "fault-report")) {
      assertThat(field(intake, "customerPhone").path("validate").path("pattern").asText()).as(intake)
          .isEqualTo(PhoneNumbers.PATTERN_TEXT);
    }
    assertThat(field("complaint-intake", "receivedAt").path("type").asText()).isEqualTo("datetime");
    assertThat(field("complaint-intake", "disputedAmount").path("validate").path("min").asInt(-1)).isZero();
    assertThat(field("complaint-intake", "billingMonth").path("validate").path("pattern").asText())
        .isEqualTo("^\\d{4}-(0[1-9]|1[0-2])$");
  }

  @Test
  void theIntakeFormShowsEachTemplateFieldOnlyForItsCategory() {
    List<String> categories = values("complaint-intake", "category");
    assertThat(categories).contains("NETWORK_QUALITY", "COUNTER_SERVICE", "PRODUCT", "BILLING", "BROADBAND",
        "VALUE_ADDED_SP");
    List<String> templateKeys = new ArrayList<>();
    for (String category : categories) {
      List<TemplateField> template = FileComplaintTemplates.INSTANCE.fieldsOf(category);
      assertThat(template).as("the form offers category %s, which the DMN does not know", category).isNotEmpty();
      for (TemplateField t : template) {
        JsonNode field = field("complaint-intake", t.field());
        assertThat(field.path("conditional").path("hide").asText())
            .isEqualTo("=category != \"" + category + "\"");
        assertThat(field.path("validate").path("required").asBoolean()).isTrue();
        assertThat(field.path("label").asText()).isEqualTo(t.label());
        templateKeys.add(t.field());
      }
    }
    // a regulator referral's two fields show for that channel only
    for (String key : List.of("regulatorReference", "regulatorReplyDue")) {
      assertThat(field("complaint-intake", key).path("conditional").path("hide").asText())
          .isEqualTo("=channel != \"REGULATOR\"");
      templateKeys.add(key);
    }
    // and no other conditional fields
    assertThat(components(forms.get("complaint-intake")).stream().filter(c -> c.has("conditional"))
        .map(c -> c.get("key").asText())).containsExactlyInAnyOrderElementsOf(templateKeys);
  }

  @Test
  void taskFormsShowTheirSelectionsAndConditions() {
    assertThat(values("complaint-resolution", "rootCause")).containsExactly("BILLING_ERROR", "SMS_ERROR",
        "SP_FRAUD", "CONSUMPTION_TRAP", "CARD_BALANCE", "NETWORK_FAULT", "STAFF_CONDUCT", "PRODUCT_DESIGN",
        "CUSTOMER_MISUNDERSTANDING", "OTHER");
    assertThat(field("complaint-resolution", "disputedAmount").path("type").asText()).isEqualTo("number");
    assertThat(field("complaint-resolution", "disputedAmount").path("validate").path("min").asInt(-1)).isZero();
    assertThat(values("complaint-first-contact", "contactResult")).containsExactly("REACHED", "NOT_REACHED");
    assertThat(field("complaint-first-contact", "appointmentAt").path("conditional").path("hide").asText())
        .isEqualTo("=needsOnSiteVisit != true or contactResult = \"NOT_REACHED\"");
    assertThat(field("complaint-first-contact", "needsOnSiteVisit").path("conditional").path("hide").asText())
        .as("a call not reached books no visit").isEqualTo("=contactResult = \"NOT_REACHED\"");
    assertThat(field("return-visit", "returnVisitOutcome").path("type").asText()).isEqualTo("radio");
    assertThat(values("return-visit", "returnVisitOutcome")).containsExactly("SATISFIED", "UNSATISFIED", "UNREACHABLE");
    assertThat(values("complaint-triage", "assuranceModule")).containsExactly("NETWORK_ASSURANCE",
        "BUSINESS_MANAGEMENT", "CHANNEL_SERVICE", "SYSTEM_RESOURCE_SUPPORT");
    assertThat(values("complaint-triage", "responsibleGroup")).containsExactly("dept-network-assurance",
        "dept-business-management", "dept-channel-service", "dept-system-support", "key-account-managers");
    for (String name : List.of("complaint-triage", "complaint-first-contact", "complaint-on-site-visit",
        "complaint-resolution", "complaint-reply")) {
      assertThat(components(forms.get(name)).stream().filter(c -> c.path("readonly").asBoolean())
          .map(c -> c.get("key").asText())).as("context of %s", name).containsAll(CONTEXT);
    }
  }

  @Test
  void everyTaskWhoseClockWarnsShowsTheWarningReadOnly() {
    // the tasks with warning timers (sla-warning): the text Record warning sets, never an input
    for (String name : List.of("complaint-first-contact", "complaint-resolution", "installation-extraction",
        "installation-appointment", "installation-on-site", "fault-remote-resolution", "fault-on-site-repair")) {
      assertThat(components(forms.get(name)).stream()
          .filter(c -> "slaWarningText".equals(c.path("key").asText(null)) && c.path("readonly").asBoolean()
              && c.path("disabled").asBoolean()))
          .as("%s shows slaWarningText read-only", name).hasSize(1);
    }
  }

  static List<String> values(String formId, String key) {
    List<String> values = new ArrayList<>();
    field(formId, key).path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }
}
