package com.serviceloop.kpi;

import java.util.List;

/** The KPIs of one group of a breakdown (a region, channel, category or month "2026-11"). */
public record KpiGroup(String key, List<KpiResult> kpis) {}
