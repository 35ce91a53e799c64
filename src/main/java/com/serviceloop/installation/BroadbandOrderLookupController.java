package com.serviceloop.installation;

import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import com.serviceloop.workorder.OrderLookupController;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/broadband-orders/{orderNo}: an installation order with its deadlines, milestones, payment,
 * hall fields, breaches and moved appointments (the website's "where is my installation?", an agent's
 * look-up). Readers: {@link LookupAccess#INSTALLATION_READERS}; personal data masked for auditors.
 */
@RestController
@RequestMapping(BroadbandOrderController.PATH)
public class BroadbandOrderLookupController extends OrderLookupController {

  public BroadbandOrderLookupController(WorkOrderView view, ApiCaller caller) {
    super(view, caller, new Lookup(OrderType.INSTALLATION, LookupAccess.INSTALLATION_READERS,
        "read broadband installation orders", "No broadband installation order"));
  }
}
