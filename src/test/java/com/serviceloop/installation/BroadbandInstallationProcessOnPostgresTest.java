package com.serviceloop.installation;

import org.junit.jupiter.api.Tag;

/** The tests of {@link BroadbandInstallationProcessTest}, on PostgreSQL (mvn verify -Ppostgres-tests, see .ci/run). */
@Tag("postgres")
class BroadbandInstallationProcessOnPostgresTest extends BroadbandInstallationProcessTest {}
