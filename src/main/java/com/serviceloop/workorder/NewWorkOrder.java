package com.serviceloop.workorder;

import java.time.Instant;

/** What intake knows of a work order when it is registered. Null fields are simply not known. */
public record NewWorkOrder(
    OrderType type,
    String status,
    String processInstanceId,
    String channel,
    String category,
    String region,
    String segment,
    String tier,
    String brand,
    String customerPhone,
    String customerName,
    String description,
    String detailsJson,
    String firstContactOwner,
    Instant receivedAt) {}
