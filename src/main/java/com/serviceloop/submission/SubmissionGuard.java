package com.serviceloop.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.api.FieldError;
import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.EngineCaller;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The one check every task completion and start-form submission passes, whatever the process: the
 * submitted variables against the DEPLOYED Camunda Form of that task or start event (resolved through
 * the engine's FormService, so camunda:formRef with its binding — "latest" — decides which form, not
 * the file in the repository), then every {@link SubmissionRule} bean registered for that form.
 * Writes nothing.
 */
@Service
public class SubmissionGuard {

  private final TaskService taskService;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final List<SubmissionRule> rules;
  private final FormValidator validator;

  public SubmissionGuard(TaskService taskService, FormService formService, RepositoryService repositoryService,
      RuntimeService runtimeService, IdentityService identityService, List<SubmissionRule> rules,
      WorkingTimeCalendar calendar) {
    this.taskService = taskService;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.rules = List.copyOf(rules);
    this.validator = new FormValidator(calendar.zone());
  }

  /** The outcome: empty when the engine should answer by itself (unknown or invisible task/definition). */
  public record Verdict(String formId, List<FieldError> errors) {
    public boolean acceptable() {
      return errors.isEmpty();
    }
  }

  /** A task completion ({@code submit-form}, {@code complete}, {@code resolve}) with these variables. */
  public Optional<Verdict> checkTask(String taskId, JsonNode variables) {
    EngineCaller caller = caller();
    // visibility as the caller: a task they cannot see is the engine's to refuse (404/403), unchanged; the same
    // query gives the task's form reference (one engine command, not a count and then a second query)
    Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      return Optional.empty();
    }
    return asSystem(() -> {
      CamundaFormRef ref = task.getCamundaFormRef();
      if (ref == null) {
        return Optional.of(withoutForm(task.getFormKey(), variables));
      }
      DeployedForm form = deployedForm(() -> formService.getDeployedTaskForm(taskId), ref.getKey());
      // read only when a condition or a rule asks for them (each is an engine command of its own)
      Map<String, Object> caseVariables = new LazyVariables(() -> taskService.getVariables(taskId));
      Supplier<String> businessKey = () -> {
        if (task.getProcessInstanceId() == null) {
          return null;
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
      };
      return Optional.of(check(form, ref.getKey(), variables, caseVariables, taskId, task.getProcessInstanceId(),
          businessKey, caller));
    });
  }

  /** A start ({@code submit-form} or {@code start}) of the process definition with this id. */
  public Optional<Verdict> checkStartById(String processDefinitionId, JsonNode variables) {
    EngineCaller caller = caller();
    return asSystem(() -> {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionId(processDefinitionId).singleResult();
      return definition == null ? Optional.empty() : checkStart(definition, variables, caller);
    });
  }

  /** A start of the latest version of the process with this key (and tenant, or none). */
  public Optional<Verdict> checkStartByKey(String key, String tenantId, JsonNode variables) {
    EngineCaller caller = caller();
    return asSystem(() -> {
      ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion();
      query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
      ProcessDefinition definition = query.singleResult();
      return definition == null ? Optional.empty() : checkStart(definition, variables, caller);
    });
  }

  private Optional<Verdict> checkStart(ProcessDefinition definition, JsonNode variables, EngineCaller caller) {
    StartFormData startForm = formService.getStartFormData(definition.getId());
    CamundaFormRef ref = startForm == null ? null : startForm.getCamundaFormRef();
    if (ref == null) {
      return Optional.of(withoutForm(startForm == null ? null : startForm.getFormKey(), variables));
    }
    DeployedForm form = deployedForm(() -> formService.getDeployedStartForm(definition.getId()), ref.getKey());
    return Optional.of(check(form, ref.getKey(), variables, Map.of(), null, null, () -> null, caller));
  }

  private Verdict check(DeployedForm form, String formId, JsonNode variables, Map<String, Object> caseVariables,
      String taskId, String processInstanceId, Supplier<String> businessKey, EngineCaller caller) {
    FormValidator.Result result = validator.check(form, variables, caseVariables);
    List<FieldError> errors = new ArrayList<>(result.errors());
    List<SubmissionRule> applicable = rules.stream().filter(rule -> rule.formIds().contains(formId)).toList();
    if (applicable.isEmpty()) {
      return new Verdict(formId, errors); // no rule to tell the business key to
    }
    Submission submission = new Submission(formId, taskId, processInstanceId, businessKey.get(),
        caller == null ? null : caller.userId(), caller == null ? List.of() : caller.groupIds(),
        java.util.Collections.unmodifiableMap(result.values()),
        java.util.Collections.unmodifiableMap(caseVariables));
    for (SubmissionRule rule : applicable) {
      for (FieldError error : rule.check(submission)) {
        if (!errors.contains(error)) {
          errors.add(error);
        }
      }
    }
    return new Verdict(formId, errors);
  }

  /** A task or start event without a Camunda Form: nothing may be submitted with it. */
  private static Verdict withoutForm(String formKey, JsonNode variables) {
    List<FieldError> errors = new ArrayList<>();
    if (variables != null && variables.isObject()) {
      variables.fieldNames().forEachRemaining(key -> errors.add(new FieldError(key,
          "没有表单 this step has no Camunda Form" + (formKey == null ? "" : " (form key " + formKey + ")")
              + "; no values can be submitted with it")));
    }
    return new Verdict(null, errors);
  }

  private static DeployedForm deployedForm(Supplier<InputStream> stream, String formId) {
    try (InputStream in = stream.get()) {
      return DeployedForm.parse(in);
    } catch (ProcessEngineException e) {
      throw new UnsupportedFormException("the form " + formId + " is not deployed: " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new UnsupportedFormException("the form " + formId + " could not be read: " + e.getMessage());
    }
  }

  /**
   * Looks up forms, definitions and case variables without the caller's authorizations (staff may not
   * read deployments or groups), then restores them: the caller's own rights were already applied by
   * the visibility check, and the engine applies them again to the request itself.
   */
  private <T> T asSystem(Supplier<T> work) {
    return EngineCaller.withoutAuthentication(identityService, work);
  }

  /** Who is calling: the engine's current authentication, as set by the authentication filter in front. */
  public EngineCaller caller() {
    return EngineCaller.current(identityService);
  }
}
