package com.serviceloop.installation;

/**
 * The operator's order system (PBOSS), where every broadband order is entered. Its own system, not ours:
 * the default adapter records the entry in sl_order_system_entry; an adapter calling PBOSS replaces it.
 * Called from an asynchronous service task, so a failure is retried and then shows as an incident.
 */
public interface OrderSystemPort {

  /**
   * Enters the order for the customer's home region.
   *
   * @param remark "400, not paid" for orders paid on site; null when already paid (no remark = paid)
   * @return the order system's order number
   */
  String enterOrder(String orderNo, String homeRegion, String broadbandPackage, String remark);
}
