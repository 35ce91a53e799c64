package com.serviceloop.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.intake.IntakeProperties;
import com.serviceloop.intake.IntakeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake rules, with the catalogue as the DMN defines it (evaluated from dmn/ by a standalone engine). */
class ComplaintIntakeValidatorTest {

  static final Instant NOW = OffsetDateTime.parse("2026-11-20T17:00+08:00").toInstant();

  final ComplaintIntakeValidator validator = new ComplaintIntakeValidator(FileComplaintTemplates.INSTANCE);

  static Map<String, Object> billingComplaint() {
    Map<String, Object> in = new HashMap<>();
    in.put("customerPhone", "13800138000");
    in.put("customerName", "张三");
    in.put("customerSegment", "PUBLIC");
    in.put("customerTier", "GOLD");
    in.put("brand", "全球通");
    in.put("region", "杭州");
    in.put("channel", "HOTLINE");
    in.put("category", "BILLING");
    in.put("description", "十月话费多扣 50 元");
    in.put("receivedAt", "2026-11-20T16:30+08:00");
    in.put("billingMonth", "2026-10");
    in.put("disputedAmount", 50.5);
    return in;
  }

  static Map<String, Object> regulatorReferral(String replyDue) {
    Map<String, Object> in = billingComplaint();
    in.put("channel", "REGULATOR");
    in.put("regulatorReference", "ZJ-2026-1120-0042");
    in.put("regulatorReplyDue", replyDue);
    return in;
  }

  static List<String> errorsOf(ComplaintIntakeValidator validator, Map<String, Object> in) {
    return validator.validate(in, NOW).errors().stream().map(e -> e.field() + " " + e.message()).toList();
  }

  @Test
  void aRegulatorReferralMaySetItsReplyUpTo30DaysOn_byDefault() {
    // received 2026-11-20 16:30: 30 days on is 2026-12-20 16:30
    assertThat(errorsOf(validator, regulatorReferral("2026-12-20T16:30+08:00"))).isEmpty();
    assertThat(errorsOf(validator, regulatorReferral("2026-12-20T16:31+08:00")))
        .containsExactly("regulatorReplyDue must be at most 30 days after the referral was received");
  }

  @Test
  void theLatestReplyDeadlineIsTheConfiguredOne_serviceloopIntakeRegulatorReplyMax() {
    ComplaintIntakeValidator tenDays = new ComplaintIntakeValidator(FileComplaintTemplates.INSTANCE,
        IntakeWindow.of(new IntakeProperties(null, null, null, Duration.ofDays(10))));
    assertThat(errorsOf(tenDays, regulatorReferral("2026-11-30T16:30+08:00"))).isEmpty();
    assertThat(errorsOf(tenDays, regulatorReferral("2026-12-01T16:30+08:00")))
        .containsExactly("regulatorReplyDue must be at most 10 days after the referral was received");
  }

  @Test
  void aCompleteComplaintIsAccepted() {
    ComplaintIntake intake = validator.require(billingComplaint(), NOW);
    assertThat(intake.customerPhone()).isEqualTo("13800138000");
    assertThat(intake.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T16:30+08:00").toInstant());
    assertThat(intake.templateFields()).containsExactly(
        Map.entry("billingMonth", "2026-10"), Map.entry("disputedAmount", new BigDecimal("50.5")));
    Map<String, Object> variables = intake.toProcessVariables();
    assertThat(variables.get("receivedAt")).isEqualTo(Date.from(intake.receivedAt()));
    assertThat(variables.get("disputedAmount")).isEqualTo(50.5d);
    assertThat(variables).containsEntry("category", "BILLING").containsEntry("customerTier", "GOLD");
  }

  @Test
  void receivedAtDefaultsToNowAndFieldsOfOtherCategoriesAreDropped() {
    Map<String, Object> in = billingComplaint();
    in.remove("receivedAt");
    in.put("location", "not a billing field");
    in.put("brand", null);
    ComplaintIntake intake = validator.require(in, NOW);
    assertThat(intake.receivedAt()).isEqualTo(NOW);
    assertThat(intake.brand()).isNull();
    assertThat(intake.templateFields()).doesNotContainKey("location");
  }

  @Test
  void landlinesAndDatesFromTheStartFormAreAccepted() {
    Map<String, Object> in = billingComplaint();
    in.put("customerPhone", "0571-87654321");
    in.put("receivedAt", Date.from(NOW.minusSeconds(60)));
    in.put("disputedAmount", "0");
    assertThat(validator.validate(in, NOW).errors()).isEmpty();
  }

  @Test
  void everyBadFieldIsListed() {
    Map<String, Object> in = new HashMap<>();
    in.put("customerPhone", "12345");
    in.put("customerSegment", "VIP");
    in.put("customerTier", "PLATINUM");
    in.put("channel", "FAX");
    in.put("category", "BILLING");
    in.put("description", "   ");
    in.put("receivedAt", "2026-11-20 17:00");
    in.put("billingMonth", "2026-13");
    in.put("disputedAmount", -1);
    List<FieldError> errors = validator.validate(in, NOW).errors();
    assertThat(errors).extracting(FieldError::field).containsExactly(
        "customerPhone", "customerName", "customerSegment", "customerTier", "region", "channel",
        "description", "receivedAt", "billingMonth", "disputedAmount");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }

  @Test
  void anUnknownCategoryIsRefused() {
    Map<String, Object> in = billingComplaint();
    in.put("category", "ROAMING");
    assertThat(validator.validate(in, NOW).errors())
        .containsExactly(new FieldError("category", "unknown category 'ROAMING'"));
  }

  @Test
  void theTemplateFieldsOfTheCategoryAreRequired() {
    Map<String, Object> in = billingComplaint();
    in.put("category", "VALUE_ADDED_SP");
    in.put("spName", "某某科技");
    assertThat(validator.validate(in, NOW).errors()).extracting(FieldError::field).containsExactly("spServiceCode");

    in = billingComplaint();
    in.remove("billingMonth");
    in.remove("disputedAmount");
    assertThat(validator.validate(in, NOW).errors()).extracting(FieldError::field)
        .containsExactly("billingMonth", "disputedAmount");
  }

  @Test
  void amountsAreNonNegativeNumbersWithAtMostTwoDecimals() {
    for (Object bad : new Object[] {"abc", -0.01, 1.005, Double.NaN, true, Map.of()}) {
      Map<String, Object> in = billingComplaint();
      in.put("disputedAmount", bad);
      assertThat(validator.validate(in, NOW).errors()).as("disputedAmount %s", bad)
          .extracting(FieldError::field).containsExactly("disputedAmount");
    }
    Map<String, Object> in = billingComplaint();
    in.put("disputedAmount", 0);
    assertThat(validator.validate(in, NOW).valid()).isTrue();
  }

  @Test
  void receivedAtNeedsAnOffsetAndMustNotBeInTheFuture() {
    for (Object bad : new Object[] {"2026-11-20T16:00", "yesterday", "2026-11-20T17:06+08:00", 1234}) {
      Map<String, Object> in = billingComplaint();
      in.put("receivedAt", bad);
      assertThat(validator.validate(in, NOW).errors()).as("receivedAt %s", bad)
          .extracting(FieldError::field).containsExactly("receivedAt");
    }
    Map<String, Object> in = billingComplaint();
    in.put("receivedAt", "2026-11-20T09:04:59Z"); // within the clock tolerance
    assertThat(validator.validate(in, NOW).valid()).isTrue();
  }

  @Test
  void valuesThatAreNotTextAreRefusedNotCast() {
    Map<String, Object> in = billingComplaint();
    in.put("customerPhone", 13800138000L);
    in.put("customerName", List.of("a"));
    in.put("description", "x".repeat(4001));
    assertThat(validator.validate(in, NOW).errors()).extracting(FieldError::field)
        .containsExactly("customerPhone", "customerName", "description");
  }

  @Test
  void requireThrowsWithTheFieldList() {
    assertThatThrownBy(() -> validator.require(Map.of(), NOW))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::field)
            .contains("customerPhone", "category", "description"));
  }
}
