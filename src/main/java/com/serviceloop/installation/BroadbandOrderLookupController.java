package com.serviceloop.installation;

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
 * GET /api/broadband-orders/{orderNo}: an installation order with its deadlines, milestones, payment,
 * hall fields, breaches and moved appointments (the website's "where is my installation?", an agent's
 * look-up). Readers: {@link LookupAccess#INSTALLATION_READERS}; personal data masked for auditors.
 */
@RestController
public class BroadbandOrderLookupController {

  private final WorkOrderView view;
  private final ApiCaller caller;

  public BroadbandOrderLookupController(WorkOrderView view, ApiCaller caller) {
    this.view = view;
    this.caller = caller;
  }

  @GetMapping(path = "/api/broadband-orders/{orderNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> show(@PathVariable String orderNo) {
    caller.requireGroup("read broadband installation orders", LookupAccess.INSTALLATION_READERS);
    String number = OrderNumbers.require(orderNo);
    return view.find(number, OrderType.INSTALLATION, caller.isInAnyGroup(LookupAccess.PERSONAL_DATA))
        .orElseThrow(() -> new NotFoundException("No broadband installation order " + number));
  }
}
