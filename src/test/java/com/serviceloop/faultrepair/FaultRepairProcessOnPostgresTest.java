package com.serviceloop.faultrepair;

import org.junit.jupiter.api.Tag;

/** The tests of {@link FaultRepairProcessTest}, on PostgreSQL (mvn verify -Ppostgres-tests, see .ci/run). */
@Tag("postgres")
class FaultRepairProcessOnPostgresTest extends FaultRepairProcessTest {}
