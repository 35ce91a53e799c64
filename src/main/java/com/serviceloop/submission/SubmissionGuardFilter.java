package com.serviceloop.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.serviceloop.api.FieldError;
import com.serviceloop.common.EngineCaller;
import com.serviceloop.security.ServiceLoopGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the engine REST API (/engine-rest) and the web apps' own engine API that Tasklist and
 * Cockpit call (/camunda/api/engine/engine/{name}): every task completion and process start is checked
 * by {@link SubmissionGuard} before the engine sees it; case variables, task routing and jobs are
 * written by administrators only; auditors write nothing. Runs after authentication (HTTP Basic for
 * /engine-rest, the web apps' session for /camunda), so the engine's current authentication is the caller.
 *
 * <p>A refusal writes nothing: 400 {"type":"InvalidFormSubmission","message":"…","errors":[{"field","message"}]}
 * (Tasklist shows {@code message}, so it lists every field's problem) or 403 {"type":"AuthorizationException",
 * "message":"…"} — the engine's own error shape, so Tasklist and Cockpit show it in their notices.
 */
public class SubmissionGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionGuardFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Nothing a form submits comes near this; a larger body is refused before it is parsed. */
  static final int MAX_BODY = 1024 * 1024;

  private final SubmissionGuard guard;
  private final Pattern enginePath;

  /**
   * @param webappPath the web apps' application path (camunda.bpm.webapp.application-path, "/camunda")
   */
  public SubmissionGuardFilter(SubmissionGuard guard, String webappPath) {
    this.guard = guard;
    this.enginePath = Pattern.compile("(?:/engine-rest(?:/engine/[^/]+)?|" + Pattern.quote(webappPath)
        + "/api/engine/engine/[^/]+)(/.*)");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = enginePath.matcher(uri);
    if (!matcher.matches()) {
      chain.doFilter(request, response);
      return;
    }
    EngineRequest engineRequest = EngineRequest.of(request.getMethod(), matcher.group(1));
    if (engineRequest.kind() == EngineRequest.Kind.READ) {
      chain.doFilter(request, response);
      return;
    }
    EngineCaller caller = guard.caller();
    if (caller == null) {
      // the authentication filters in front answer 401 themselves; a write that reaches here without a
      // caller would run without authorization checks, so it is refused (fail closed)
      ObjectNode body = JSON.createObjectNode();
      body.put("type", "AuthenticationException");
      body.put("message", "需要登录 Authentication required for " + request.getMethod() + " " + engineRequest.path());
      write(response, HttpServletResponse.SC_UNAUTHORIZED, body);
      return;
    }
    List<String> groups = caller.groupIds();
    boolean administrator = groups.contains(Groups.CAMUNDA_ADMIN);
    if (!administrator && groups.contains(ServiceLoopGroups.AUDITORS)) {
      forbidden(response, "稽核只读 Auditors read and write nothing: " + request.getMethod() + " "
          + engineRequest.path() + " is refused");
      return;
    }
    if (!administrator) {
      switch (engineRequest.kind()) {
        case CASE_VARIABLES -> {
          forbidden(response, "工单数据只能通过流程步骤修改 A case's variables change only through its own steps "
              + "(complete the task with its form); " + request.getMethod() + " " + engineRequest.path()
              + " is for administrators only");
          return;
        }
        case CASE_ROUTING -> {
          forbidden(response, "任务的期限、优先级和分派由流程决定 A task's deadline, priority and candidate groups "
              + "come from the process; " + request.getMethod() + " " + engineRequest.path()
              + " is for administrators only");
          return;
        }
        case JOBS -> {
          forbidden(response, "作业、重试和挂起仅限管理员 Only administrators execute jobs, change retries, "
              + "suspend or resolve: " + request.getMethod() + " " + engineRequest.path() + " is refused "
              + "(and costs the job nothing)");
          return;
        }
        default -> { }
      }
    }
    if (engineRequest.kind() != EngineRequest.Kind.TASK_COMPLETION
        && engineRequest.kind() != EngineRequest.Kind.START_BY_ID
        && engineRequest.kind() != EngineRequest.Kind.START_BY_KEY) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, "请求过大 The submission is larger than " + MAX_BODY + " bytes",
          List.of(new FieldError("body", "too large")));
      return;
    }
    JsonNode json;
    try {
      json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      refuse(response, "请求不是 JSON The submission is not JSON: " + e.getOriginalMessage(),
          List.of(new FieldError("body", "is not JSON")));
      return;
    }
    if (json == null || json.isMissingNode()) {
      json = JSON.createObjectNode();
    }
    if (!json.isObject()) {
      refuse(response, "请求应为 JSON 对象 The submission must be a JSON object",
          List.of(new FieldError("body", "must be a JSON object")));
      return;
    }
    List<FieldError> requestErrors = new ArrayList<>();
    JsonNode variables = json.get("variables");
    boolean start = engineRequest.kind() != EngineRequest.Kind.TASK_COMPLETION;
    if (start && !administrator) {
      JsonNode businessKey = json.get("businessKey");
      if (businessKey != null && !businessKey.isNull() && !businessKey.asText().isEmpty()) {
        requestErrors.add(new FieldError("businessKey",
            "业务键即工单号,由系统分配 the business key is the order number, assigned by the system"));
      }
      for (String option : List.of("startInstructions", "skipCustomListeners", "skipIoMappings", "caseInstanceId")) {
        JsonNode value = json.get(option);
        if (value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
            && !(value.isArray() && value.isEmpty())) {
          requestErrors.add(new FieldError(option, "仅限管理员 for administrators only"));
        }
      }
    }
    Optional<SubmissionGuard.Verdict> verdict;
    try {
      verdict = switch (engineRequest.kind()) {
        case TASK_COMPLETION -> guard.checkTask(engineRequest.id(), variables);
        case START_BY_ID -> guard.checkStartById(engineRequest.id(), variables);
        default -> guard.checkStartByKey(engineRequest.id(), engineRequest.tenantId(), variables);
      };
    } catch (UnsupportedFormException e) {
      LOG.error("Submission refused: its form cannot be checked ({})", e.getMessage());
      refuse(response, "表单无法校验 The form of this step cannot be checked by the server: " + e.getMessage(),
          List.of(new FieldError("form", e.getMessage())));
      return;
    }
    if (verdict.isPresent()) {
      requestErrors.addAll(verdict.get().errors());
    }
    if (!requestErrors.isEmpty()) {
      refuse(response, summary(requestErrors), requestErrors);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  static String summary(List<FieldError> errors) {
    StringBuilder message = new StringBuilder("表单有 ").append(errors.size()).append(" 处错误,未保存 The form has ")
        .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(", nothing was saved: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        message.append("; ");
      }
      FieldError error = errors.get(i);
      String text = error.message();
      message.append(text.contains(error.field()) ? text : error.field() + ": " + text);
    }
    return message.toString();
  }

  private static void refuse(HttpServletResponse response, String message, List<FieldError> errors)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "InvalidFormSubmission");
    body.put("message", message);
    ArrayNode list = body.putArray("errors");
    for (FieldError error : errors) {
      list.addObject().put("field", error.field()).put("message", error.message());
    }
    write(response, HttpServletResponse.SC_BAD_REQUEST, body);
  }

  private static void forbidden(HttpServletResponse response, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "AuthorizationException");
    body.put("message", message);
    write(response, HttpServletResponse.SC_FORBIDDEN, body);
  }

  private static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  /** The request with its body read once here and offered again to the engine's JAX-RS resources. */
  static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
          java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
