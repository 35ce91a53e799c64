package com.serviceloop.faultrepair;

import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.OrderLookupController;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/fault-reports/{orderNo}: a fault repair with its first-contact and repair deadlines, on-time
 * flags, remote or on-site resolution, fee reduction, breaches and escalations. Readers:
 * {@link LookupAccess#FAULT_READERS}; personal data masked for auditors and the network assurance dept.
 */
@RestController
@RequestMapping(FaultReportController.PATH)
public class FaultReportLookupController extends OrderLookupController {

  public FaultReportLookupController(WorkOrderView view, ApiCaller caller) {
    super(view, caller, new Lookup(OrderType.FAULT_REPAIR, LookupAccess.FAULT_READERS, "read fault reports",
        "No fault report"));
  }
}
