package com.serviceloop.submission;

import java.util.List;
import java.util.Map;

/**
 * A submission as the guard sees it, after its values were checked against the form.
 *
 * @param formId the form's id (camunda:formRef)
 * @param taskId the task being completed, or null for a start form
 * @param processInstanceId the case's process instance, or null for a start form
 * @param businessKey the case's business key (its order number), or null for a start form
 * @param userId the authenticated user who submits
 * @param groupIds that user's groups
 * @param values the submitted values, typed (String, Boolean, Long/Double, java.util.Date for datetimes)
 * @param caseVariables the case's current process variables (empty for a start form), read from the engine
 *     the first time a rule asks for them
 */
public record Submission(String formId, String taskId, String processInstanceId, String businessKey,
    String userId, List<String> groupIds, Map<String, Object> values, Map<String, Object> caseVariables) {}
