package com.serviceloop.deployment;

import com.serviceloop.common.EnginePlugins;
import com.serviceloop.calendar.WorkingTimeCalendar;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Installs the deploy gate, the deployment audit trail and the run-time side of the model policy in the
 * engine (a ProcessEnginePlugin: the engine's extension point; it lives in org.camunda.bpm.engine.impl.cfg).
 * {@code serviceloop.deployment.model-policy.enabled=false} (administrators, in configuration only) turns the
 * model policy off: scripts, any class and any bean are then allowed; the "cannot run" checks stay.
 */
@Configuration
public class DeploymentConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentConfiguration.class);

  @Bean
  static ProcessEnginePlugin serviceLoopDeploymentGate(ApplicationContext context,
      @Value("${serviceloop.deployment.model-policy.enabled:true}") boolean modelPolicy) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        PublishedBeans published = PublishedBeans.of(context, PublishedBeans.EXPLICIT);
        Supplier<WorkingTimeCalendar> calendar = () -> context.getBean(WorkingTimeCalendar.class);
        configuration.setCustomPreDeployers(EnginePlugins.append(configuration.getCustomPreDeployers(),
            new DeploymentGate(() -> published, calendar, modelPolicy)));
        configuration.setCustomPostDeployers(EnginePlugins.append(configuration.getCustomPostDeployers(),
            new DeploymentAuditTrail(() -> context.getBean(JdbcTemplate.class))));
        if (modelPolicy) {
          configuration.setBeans(published.asBeansMap());
          configuration.setExpressionManager(new RestrictedExpressionManager(context, configuration.getBeans()));
          LOG.info("Model policy on: expressions resolve the {} published beans {}", published.names().size(),
              published.names());
        } else {
          LOG.warn("Model policy OFF (serviceloop.deployment.model-policy.enabled=false): deployments may contain "
              + "scripts, any class and any bean; only the 'cannot run' checks of the deploy gate apply");
        }
      }
    };
  }
}
