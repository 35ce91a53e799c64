package com.serviceloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.WorkOrder;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 item 3: a case finds its work order by the process's business key. A submission (here through
 * the Java API, past any form check) that sets orderNo to another complaint's number changes nothing on
 * that other complaint; the facts land on the case's own work order.
 */
@ServiceLoopTest
class CaseIdentityTest extends ComplaintProcessTestSupport {

  @Test
  void anOrderNoSetByASubmissionDoesNotRedirectTheDelegates() {
    ProcessInstance mine = startComplaint(intake(newPhone()));
    ProcessInstance other = startComplaint(intake(newPhone()));
    String otherNo = other.getBusinessKey();
    WorkOrder otherBefore = workOrders.get(otherNo);

    complete(mine, ComplaintProcess.Task_FirstContact, Map.of("orderNo", otherNo,
        "contactResult", "REACHED", "contactNote", "已联系", "needsOnSiteVisit", false));
    resolve(mine, "NETWORK_FAULT", 50);
    runtimeService.setVariable(mine.getId(), "orderNo", otherNo);
    reply(mine);
    answerReturnVisit(mine, "SATISFIED");

    WorkOrder otherAfter = workOrders.get(otherNo);
    assertThat(otherAfter.firstContactAt()).isNull();
    assertThat(otherAfter.resolution()).isNull();
    assertThat(otherAfter.compensationAmount()).isNull();
    assertThat(otherAfter.satisfaction()).isNull();
    assertThat(otherAfter.status()).isEqualTo(otherBefore.status()).isEqualTo("OPEN");
    assertThat(otherAfter.closedAt()).isNull();

    WorkOrder mineAfter = workOrders.get(mine.getBusinessKey());
    assertThat(mineAfter.firstContactAt()).isNotNull();
    assertThat(mineAfter.resolution()).isEqualTo("已优化基站参数");
    assertThat(mineAfter.satisfaction()).isEqualTo("SATISFIED");
    assertThat(mineAfter.closedAt()).isNotNull();
  }
}
