package com.serviceloop.benchmark.bare;

import com.serviceloop.benchmark.jdbc.JdbcCounting;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The lifecycle benchmark's yardstick: a bare Camunda 7 Spring Boot application with the same engine
 * version, webapps and REST, history level full, authorizations on and HTTP Basic on the engine REST
 * API — and no project code. Its one process has the wait states of a complaint's happy path: four user
 * tasks in a row (first contact, resolution, reply, return visit), each for a candidate group.
 *
 * <p>Started only by {@code LifecycleBenchmark} in a JVM of its own, with its own configuration file
 * {@code benchmark/bare.yaml} (the profile {@code bare} keeps it out of every other context that scans
 * {@code com.serviceloop}).
 */
@SpringBootApplication
@Profile("bare")
@Import(JdbcCounting.class)
public class BareCamundaApplication {

  public static final String PROCESS_ID = "bare-lifecycle";
  static final String[] TASKS = {"Task_FirstContact", "Task_ResolveComplaint", "Task_ReplyToCustomer",
      "Task_CallCustomer"};

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(BareCamundaApplication.class);
    application.setAdditionalProfiles("bare", "jdbc-count");
    application.setDefaultProperties(java.util.Map.of("spring.config.name", "bare",
        "spring.config.location", "classpath:/benchmark/"));
    application.run(args);
  }

  /** The same authentication as ServiceLoop's SecurityConfiguration on the engine REST API. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** Deploys the four-task process (duplicate filtering: a restart deploys nothing), as ModelDeployer does. */
  @Bean
  ApplicationRunner deployBareProcess(RepositoryService repositoryService) {
    return args -> repositoryService.createDeployment().name(PROCESS_ID).enableDuplicateFiltering(true)
        .addModelInstance(PROCESS_ID + ".bpmn", model()).deploy();
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID).name("Bare lifecycle").camundaHistoryTimeToLive(180)
        .startEvent("StartEvent_Received").name("Received")
        .userTask(TASKS[0]).name("First contact").camundaCandidateGroups("hotline")
        .userTask(TASKS[1]).name("Resolve").camundaCandidateGroups("back-office")
        .userTask(TASKS[2]).name("Reply").camundaCandidateGroups("hotline")
        .userTask(TASKS[3]).name("Return visit").camundaCandidateGroups("hotline")
        .endEvent("EndEvent_Closed").name("Closed")
        .done();
  }
}
