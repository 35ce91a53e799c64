package com.serviceloop.kpi;

import java.math.BigDecimal;

/** One weight rule: orders of this type (and category, when given) weigh this much. */
public record KpiWeight(String orderType, String category, BigDecimal weight) {}
