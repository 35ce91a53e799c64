package com.serviceloop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine-REST 500 answers carried the engine's exception message — for a database error that is the SQL
 * statement, its parameters and the driver's message. Every /engine-rest answer with a 5xx status is
 * replaced by the engine REST API's own error shape ({@code type}, {@code message}) with a reference; the
 * original body goes to the log under that reference. 4xx answers (the caller's mistake, written by
 * the engine for the caller) pass unchanged; only 5xx bodies are held in memory.
 */
@Configuration
public class EngineRestErrorSanitizer {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrorSanitizer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> engineRestErrorSanitizerFilter() {
    // outside the authentication filter, inside the throttle (which only reads the status)
    return RequestFilters.register("serviceloop-engine-rest-error-sanitizer", Ordered.HIGHEST_PRECEDENCE + 60,
        (request, response, chain) -> {
          ServerErrorCapture capture = new ServerErrorCapture(response);
          try {
            chain.doFilter(request, capture);
          } finally {
            capture.finish(request);
          }
        }, "/engine-rest/*");
  }

  /** Passes everything through, except that a body written under a 5xx status is captured, not sent. */
  static final class ServerErrorCapture extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private ServletOutputStream capturingStream;
    private PrintWriter capturingWriter;
    private boolean capturing;

    ServerErrorCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean serverError() {
      return getStatus() >= 500;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!serverError()) {
        return super.getOutputStream();
      }
      capturing = true;
      if (capturingStream == null) {
        capturingStream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            captured.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            captured.write(b, off, len);
          }
        };
      }
      return capturingStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!serverError()) {
        return super.getWriter();
      }
      capturing = true;
      if (capturingWriter == null) {
        capturingWriter = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
      }
      return capturingWriter;
    }

    @Override
    public void setContentLength(int len) {
      if (!serverError()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!serverError()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing) {
        super.flushBuffer();
      }
    }

    void finish(HttpServletRequest request) throws IOException {
      if (!capturing && !(serverError() && !isCommitted())) {
        return;
      }
      if (capturingWriter != null) {
        capturingWriter.flush();
      }
      String reference = UUID.randomUUID().toString();
      LOG.error("Engine REST {} {} answered {} (reference {}): {}", request.getMethod(), request.getRequestURI(),
          getStatus(), reference, captured.toString(StandardCharsets.UTF_8));
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (response.isCommitted()) {
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "ServerError");
      body.put("message", "Internal error; see the server log (reference " + reference + ")");
      body.put("code", null);
      response.resetBuffer();
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      byte[] bytes = JSON.writeValueAsBytes(body);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }
}
