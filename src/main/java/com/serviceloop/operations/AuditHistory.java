package com.serviceloop.operations;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's history as auditors use it, without the one part nobody reads: the history level stays
 * {@code full} (what existing databases hold; the engine refuses to start on a mismatch), and the engine's
 * database history handler is replaced by one that writes everything it writes except the variable-update
 * details ({@code ACT_HI_DETAIL} rows and their byte arrays: every value a variable ever had). Activity
 * instances, tasks, the user operation log, decisions, historic variable instances (each variable's last
 * value), incidents, identity links and form-property details are written as before. Nothing in ServiceLoop,
 * its dashboard or Cockpit community reads variable-update details (docs/operations.md, "What history is kept").
 *
 * <p>Uses engine internals: the history event handler and the engine plugin are the engine's only extension
 * point for what history is written (no public API exists for it).
 */
@Configuration
public class AuditHistory {

  @Bean
  static ProcessEnginePlugin auditHistoryPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new NoVariableDetailHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
      }
    };
  }

  /** The engine's database history handler, without variable-update details. */
  static class NoVariableDetailHistoryEventHandler extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }
  }
}
