package com.serviceloop.installation;

import org.junit.jupiter.api.Tag;

/** The tests of {@link BroadbandOrderApiTest}, on PostgreSQL (mvn verify -Ppostgres-tests, see .ci/run). */
@Tag("postgres")
class BroadbandOrderApiOnPostgresTest extends BroadbandOrderApiTest {}
