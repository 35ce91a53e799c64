package com.serviceloop.kpi;

import org.junit.jupiter.api.Tag;

/** {@link MonthlyServiceReviewProcessTest} on PostgreSQL (mvn verify -Ppostgres-tests). */
@Tag("postgres")
class MonthlyServiceReviewProcessOnPostgresTest extends MonthlyServiceReviewProcessTest {}
