package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.ServiceLoopTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A start that bypasses the API (Tasklist's start form, the engine REST API) meets the same intake
 * rules: the start fails with every bad field named, and neither a work order nor a process remains.
 */
@ServiceLoopTest
class ComplaintRegistrationTest extends ComplaintProcessTestSupport {

  @Test
  void startWithBadFieldsIsRefusedAndWritesNothing() {
    String phone = newPhone();
    Map<String, Object> intake = intake(phone);
    intake.put("customerTier", "PLATINUM");
    intake.put("category", "BILLING"); // its template fields billingMonth, disputedAmount are missing
    long instancesBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(ComplaintProcess.PROCESS_ID).count();

    assertThatThrownBy(() -> startComplaint(intake))
        .hasMessageContaining("customerTier")
        .hasMessageContaining("billingMonth")
        .hasMessageContaining("disputedAmount");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_work_order WHERE customer_phone = ?", Integer.class,
        phone)).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.PROCESS_ID).count())
        .isEqualTo(instancesBefore);
  }
}
