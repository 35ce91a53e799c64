package com.serviceloop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring Boot test configuration: every integration and process test uses it, so the
 * application context (engine, H2 in memory, web server on a random port) starts once per run.
 * The job executor is off: tests move the engine clock (ClockUtil) and execute due jobs themselves,
 * and reset the clock afterwards. The engine records process-test coverage (camunda-process-test-coverage):
 * each test class leaves its report in target/process-test-coverage/.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ServiceLoopTest {}
