package com.serviceloop.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A work order behind a KPI: it is in the KPI's denominator; numeratorValue is what it adds to the
 * numerator (1 / 0, the weight of an unsatisfied order, the amount of a remedy).
 */
public record KpiOrder(
    String orderNo,
    String orderType,
    String category,
    String channel,
    String region,
    Instant receivedAt,
    Instant closedAt,
    String processInstanceId,
    BigDecimal numeratorValue) {}
