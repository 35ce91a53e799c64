package com.serviceloop.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One KPI of one period (and group). value = numerator / denominator (× 10,000 for complaintsPer10k,
 * × 1,000,000 for appealsPerMillion: Kpi.Unit#perCustomers; the amount itself for remediesDue). No
 * denominator: value null and noDenominator true. met is null where the KPI has no target or no value. basis:
 * what the KPI counts where a choice was made (Kpi#basis, null otherwise). missingBaseMonths: a KPI per
 * customers' months ("2026-11") without the customer base it needs (then no denominator); empty otherwise.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiResult(
    String id,
    String name,
    Kpi.Unit unit,
    BigDecimal value,
    BigDecimal numerator,
    BigDecimal denominator,
    BigDecimal target,
    String targetOperator,
    Boolean met,
    boolean noDenominator,
    String basis,
    List<String> missingBaseMonths) {}
