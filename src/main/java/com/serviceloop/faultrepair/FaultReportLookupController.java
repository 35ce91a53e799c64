package com.serviceloop.faultrepair;

import com.serviceloop.api.NotFoundException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.OrderNumbers;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderView;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/fault-reports/{orderNo}: a fault repair with its first-contact and repair deadlines, on-time
 * flags, remote or on-site resolution, fee reduction, breaches and escalations. Readers:
 * {@link LookupAccess#FAULT_READERS}; personal data masked for auditors and the network assurance dept.
 */
@RestController
public class FaultReportLookupController {

  private final WorkOrderView view;
  private final ApiCaller caller;

  public FaultReportLookupController(WorkOrderView view, ApiCaller caller) {
    this.view = view;
    this.caller = caller;
  }

  @GetMapping(path = "/api/fault-reports/{orderNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> show(@PathVariable String orderNo) {
    caller.requireGroup("read fault reports", LookupAccess.FAULT_READERS);
    String number = OrderNumbers.require(orderNo);
    return view.find(number, OrderType.FAULT_REPAIR, caller.isInAnyGroup(LookupAccess.PERSONAL_DATA))
        .orElseThrow(() -> new NotFoundException("No fault report " + number));
  }
}
