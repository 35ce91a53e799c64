package com.serviceloop.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an {@link ApiError} from a servlet filter (outside Spring MVC, where the exception handler does it). */
public final class ApiErrorWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiErrorWriter() {}

  public static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(JSON.writeValueAsString(ApiError.of(message)));
    response.flushBuffer();
  }
}
