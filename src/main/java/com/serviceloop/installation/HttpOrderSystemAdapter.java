package com.serviceloop.installation;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The order system (PBOSS) over HTTP, used instead of {@link RecordingOrderSystemAdapter} when
 * {@code serviceloop.order-system.url} is set: {@code POST <url>} with
 * {@code {"orderNo","homeRegion","package","remark"}} and header {@code Idempotency-Key: <orderNo>},
 * answered 2xx with {@code {"systemNo": "..."}}. The order number is the idempotency key, so a retried
 * job (the step is asynchronous, retried per {@code failed-job-retry-time-cycle}) gets the number the
 * order system gave the first time. Any other answer, a timeout or a refused connection fails the job,
 * which the engine retries; only when all retries fail does it become an incident.
 */
@Component
@Primary
@ConditionalOnProperty(prefix = "serviceloop.order-system", name = "url")
public class HttpOrderSystemAdapter implements OrderSystemPort {

  private final RestClient http;

  public HttpOrderSystemAdapter(@Value("${serviceloop.order-system.url}") String url,
      @Value("${serviceloop.order-system.connect-timeout:PT2S}") Duration connectTimeout,
      @Value("${serviceloop.order-system.read-timeout:PT10S}") Duration readTimeout) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    requests.setReadTimeout(readTimeout);
    this.http = RestClient.builder().baseUrl(url).requestFactory(requests).build();
  }

  @Override
  public String enterOrder(String orderNo, String homeRegion, String broadbandPackage, String remark) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderNo", orderNo);
    order.put("homeRegion", homeRegion);
    order.put("package", broadbandPackage);
    order.put("remark", remark);
    Map<String, Object> answer = http.post()
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", orderNo)
        .body(order)
        .retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    Object systemNo = answer == null ? null : answer.get("systemNo");
    if (systemNo == null || systemNo.toString().isBlank()) {
      throw new IllegalStateException("The order system answered without a systemNo for " + orderNo);
    }
    return systemNo.toString();
  }
}
