package com.serviceloop.coverage;

import org.junit.jupiter.api.Tag;

/** The tests of {@link CoverageApiTest}, on PostgreSQL (mvn verify -Ppostgres-tests, see .ci/run). */
@Tag("postgres")
class CoverageApiOnPostgresTest extends CoverageApiTest {}
