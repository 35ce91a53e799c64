package com.serviceloop.submission;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request to the engine's REST API (under /engine-rest or the web apps' /camunda/api/engine) is
 * about, as far as the submission guard cares: a task completion, a process start, a write to case
 * variables, to jobs, or another write. {@link #path} is the resource path after the engine part
 * ("/task/42/complete").
 */
public record EngineRequest(String method, String path, Kind kind, String id, String tenantId) {

  public enum Kind {
    /** task submit-form / complete / resolve: checked against the task's form */
    TASK_COMPLETION,
    /** process-definition {id} submit-form / start */
    START_BY_ID,
    /** process-definition key/{key}[/tenant-id/{t}] submit-form / start */
    START_BY_KEY,
    /** PUT/POST/DELETE on variables of a task, execution or process instance, messages, signals: administrators only */
    CASE_VARIABLES,
    /** PUT /task/{id} (due date, priority, owner) and task identity links (candidate groups): administrators only */
    CASE_ROUTING,
    /** jobs, job definitions, retries, suspension, incidents: administrators only */
    JOBS,
    /** another write (POST/PUT/DELETE) */
    OTHER_WRITE,
    /** a read, or a query sent as POST */
    READ
  }

  private static final String ID = "([^/]+)";
  private static final Pattern TASK_COMPLETION = Pattern.compile("/task/" + ID + "/(submit-form|complete|resolve)");
  private static final Pattern START_BY_ID = Pattern.compile("/process-definition/" + ID + "/(submit-form|start)");
  private static final Pattern START_BY_KEY =
      Pattern.compile("/process-definition/key/" + ID + "(?:/tenant-id/" + ID + ")?/(submit-form|start)");
  private static final Pattern CASE_VARIABLES = Pattern.compile(
      "/(task|execution|process-instance)/[^/]+/(variables|localVariables)(/.*)?"
          + "|/process-instance/[^/]+/modification(-async)?"
          + "|/process-instance/variables-async"
          + "|/(message|signal|condition)(/.*)?"
          + "|/modification/execute(-async)?"
          + "|/process-instance/[^/]+/variables");
  private static final Pattern TASK_UPDATE = Pattern.compile("/task/[^/]+");
  private static final Pattern TASK_IDENTITY_LINKS = Pattern.compile("/task/[^/]+/identity-links(/delete)?");
  private static final Pattern JOBS = Pattern.compile(
      "/(job|job-definition)(/.*)?"
          + "|/process-instance/job-retries(-historic-query-based)?"
          + "|/(process-instance|process-definition)(/[^/]+)*/suspended(-async)?"
          + "|/incident(/.*)?"
          + "|/external-task(/.*)?");
  /** POSTs that only query: a collection root or its count (e.g. POST /task, /history/task/count). */
  private static final Pattern POST_QUERY = Pattern.compile(
      "(/history)?/[a-z-]+(/count)?|/filter/[^/]+/(list|count|singleResult)"
          + "|/process-definition/statistics|/history/[a-z-]+/report");
  private static final Pattern NOT_A_QUERY = Pattern.compile("/(message|signal|condition|history/cleanup)");

  public static EngineRequest of(String method, String path) {
    String m = method.toUpperCase(java.util.Locale.ROOT);
    boolean write = !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m));
    Matcher matcher;
    if (write && "POST".equals(m) && (matcher = TASK_COMPLETION.matcher(path)).matches()) {
      return new EngineRequest(m, path, Kind.TASK_COMPLETION, matcher.group(1), null);
    }
    if (write && "POST".equals(m) && (matcher = START_BY_KEY.matcher(path)).matches()) {
      return new EngineRequest(m, path, Kind.START_BY_KEY, matcher.group(1), matcher.group(2));
    }
    if (write && "POST".equals(m) && !path.startsWith("/process-definition/key/")
        && (matcher = START_BY_ID.matcher(path)).matches()) {
      return new EngineRequest(m, path, Kind.START_BY_ID, matcher.group(1), null);
    }
    if (!write) {
      return new EngineRequest(m, path, Kind.READ, null, null);
    }
    if (CASE_VARIABLES.matcher(path).matches()) {
      return new EngineRequest(m, path, Kind.CASE_VARIABLES, null, null);
    }
    if ("PUT".equals(m) && TASK_UPDATE.matcher(path).matches()
        || "POST".equals(m) && TASK_IDENTITY_LINKS.matcher(path).matches()) {
      return new EngineRequest(m, path, Kind.CASE_ROUTING, null, null);
    }
    boolean query = "POST".equals(m) && POST_QUERY.matcher(path).matches() && !NOT_A_QUERY.matcher(path).matches();
    if (JOBS.matcher(path).matches() && !query) {
      return new EngineRequest(m, path, Kind.JOBS, null, null);
    }
    return new EngineRequest(m, path, query ? Kind.READ : Kind.OTHER_WRITE, null, null);
  }
}
