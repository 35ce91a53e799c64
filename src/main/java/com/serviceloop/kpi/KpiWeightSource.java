package com.serviceloop.kpi;

import java.util.List;

/** Where the weights of a weighted KPI come from (the DMN decision kpi-weights), in rule order. */
public interface KpiWeightSource {
  List<KpiWeight> weights(Kpi kpi);
}
