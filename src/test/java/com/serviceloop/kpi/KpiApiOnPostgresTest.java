package com.serviceloop.kpi;

import org.junit.jupiter.api.Tag;

/** {@link KpiApiTest} on PostgreSQL (mvn verify -Ppostgres-tests). */
@Tag("postgres")
class KpiApiOnPostgresTest extends KpiApiTest {}
