package com.serviceloop.operations;

import com.serviceloop.common.EnginePlugins;
import com.serviceloop.common.TransactionScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoParameter;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's history as auditors use it, without the parts that say nothing new: the history level stays
 * {@code full} (what existing databases hold; the engine refuses to start on a mismatch), and the engine's
 * database history handler is replaced by one that writes everything it writes except
 * <ul>
 *   <li>the variable-update details ({@code ACT_HI_DETAIL} rows and their byte arrays: every value a variable
 *       ever had), which nothing reads;</li>
 *   <li>the historic variable instance of a value a model's mapping creates: an activity's input parameter
 *       (a constant or a copy from the model, the activity's own, gone when it ends), a business rule task's
 *       output parameter (a decision output, kept in the decision history, {@code ACT_HI_DEC_OUT}, with its
 *       activity instance) and a call activity's {@code camunda:in} (a copy of the calling instance's variable
 *       or a value of the model, handed to the called instance).</li>
 * </ul>
 * Such a variable gets its historic instance, with its value then, the first time anything else writes it (a
 * form, Cockpit, a delegate): the engine's handler inserts it for an update it has no row for. Activity
 * instances, tasks, the user operation log, decisions, the historic variable instances of what people and
 * channels entered and of what delegates set, incidents, identity links and form-property details are
 * written as before (docs/operations.md, "What history is kept").
 *
 * <p>Uses engine internals: the history event handler, the current execution are the
 * engine's only extension points for what history is written (no public API exists for it).
 */
@Configuration
public class AuditHistory {

  @Bean
  static ProcessEnginePlugin auditHistoryPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryEventHandlers(
            EnginePlugins.append(configuration.getCustomHistoryEventHandlers(), new AuditHistoryEventHandler()));
        configuration.setEnableDefaultDbHistoryEventHandler(false);
      }
    };
  }

  /** The engine's database history handler, without variable-update details and mapped values. */
  static class AuditHistoryEventHandler extends DbHistoryEventHandler {

    private static final Object UNWRITTEN = AuditHistoryEventHandler.class.getName() + ".unwritten";

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
      return false;
    }

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && isMapped(event)) {
        unwritten().add(event.getVariableInstanceId());
        return;
      }
      // the engine would look up the row it has not written: one SELECT for nothing
      if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)
          && unwritten().remove(event.getVariableInstanceId())) {
        return;
      }
      super.insertHistoricVariableUpdateEntity(event);
    }

    /**
     * Whether the variable is being created by the current activity's mapping: its input parameters, a business
     * rule task's output parameters, a call activity's {@code camunda:in} into the instance it calls.
     */
    static boolean isMapped(HistoricVariableUpdateEventEntity event) {
      BpmnExecutionContext context = Context.getBpmnExecutionContext();
      ExecutionEntity execution = context == null ? null : context.getExecution();
      ActivityImpl activity = execution == null ? null : execution.getActivity();
      if (activity == null) {
        return false;
      }
      String name = event.getVariableName();
      if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior call) {
        return !execution.getProcessInstanceId().equals(event.getProcessInstanceId())
            && call.getCallableElement().getInputs().stream().anyMatch(in -> name.equals(in.getTarget()));
      }
      IoMapping mapping = activity.getIoMapping();
      return mapping != null && (declares(mapping.getInputParameters(), name)
          || activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior
          && declares(mapping.getOutputParameters(), name));
    }

    static boolean declares(List<? extends IoParameter> parameters, String name) {
      return parameters.stream().anyMatch(p -> name.equals(p.getName()));
    }

    /** The variable instances of the running transaction whose historic instance was not written. */
    static Set<String> unwritten() {
      Set<String> ids = TransactionScope.get(UNWRITTEN, HashSet::new);
      return ids == null ? new HashSet<>() : ids;
    }
  }
}
