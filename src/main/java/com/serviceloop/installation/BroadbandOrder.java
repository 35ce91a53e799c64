package com.serviceloop.installation;

import java.math.BigDecimal;
import java.time.Instant;

/** A broadband installation order as accepted; the hall fields are null for the 400 hotline and website. */
public record BroadbandOrder(
    InstallationChannel channel,
    String customerPhone,
    String customerName,
    String region,
    String compound,
    String building,
    String room,
    String broadbandPackage,
    ConstructionMode constructionMode,
    Instant acceptedAt,
    String businessHall,
    String hallRegion,
    PaymentMethod paymentMethod,
    BigDecimal paymentAmount,
    String invoiceNo) {

  public boolean paidAtHall() {
    return channel == InstallationChannel.BUSINESS_HALL;
  }
}
