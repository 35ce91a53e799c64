package com.serviceloop.kpi;

import org.junit.jupiter.api.Tag;

/** The KPI data sets and exact values of {@link KpiServiceTest}, on PostgreSQL (mvn verify -Ppostgres-tests). */
@Tag("postgres")
class KpiServiceOnPostgresTest extends KpiServiceTest {}
