package com.serviceloop.faultrepair;

import org.junit.jupiter.api.Tag;

/** The tests of {@link FaultReportApiTest}, on PostgreSQL (mvn verify -Ppostgres-tests, see .ci/run). */
@Tag("postgres")
class FaultReportApiOnPostgresTest extends FaultReportApiTest {}
