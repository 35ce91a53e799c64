package com.serviceloop.workorder;

import com.serviceloop.api.NotFoundException;
import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.LookupAccess;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The skeleton of a capability's GET {path}/{orderNo}: 403 for a caller outside the readers' groups, 400
 * for a malformed number, 404 for an unknown one or one of another type, else the order as
 * {@link WorkOrderView} shows it, personal data masked for a caller outside {@link LookupAccess#PERSONAL_DATA}.
 * A subclass names its path with {@code @RequestMapping} and what it looks up.
 */
public abstract class OrderLookupController {

  /** What a lookup shows: the order type, who may read it, and how the answers name it. */
  public record Lookup(OrderType type, String[] readers, String action, String notFound) {}

  private final WorkOrderView view;
  private final ApiCaller caller;
  private final Lookup lookup;

  protected OrderLookupController(WorkOrderView view, ApiCaller caller, Lookup lookup) {
    this.view = view;
    this.caller = caller;
    this.lookup = lookup;
  }

  @GetMapping(path = "/{orderNo}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> show(@PathVariable String orderNo) {
    caller.requireGroup(lookup.action(), lookup.readers());
    String number = OrderNumbers.require(orderNo);
    return view.find(number, lookup.type(), caller.isInAnyGroup(LookupAccess.PERSONAL_DATA))
        .orElseThrow(() -> new NotFoundException(lookup.notFound() + " " + number));
  }
}
