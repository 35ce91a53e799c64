package com.serviceloop.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/coverage (text/csv): upsert by region + compound + building, all or nothing. */
@ServiceLoopTest
class CoverageApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired CoverageService coverage;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  final String region = "Csv-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aGoodFileIsUpserted_extraColumnsAllowed() {
    ResponseEntity<Map<String, Object>> first = post("""
        region,compound,building,freePorts,households,technology,note
        %1$s,Lake View,1,10,40,FTTH,new
        %1$s,Lake View,2,0,40,FTTH,full
        """.formatted(region));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody()).containsEntry("inserted", 2).containsEntry("updated", 0).containsEntry("mode", "UPSERT");
    assertThat(coverage.check(region, "Lake View", "1")).isEqualTo(CoverageResult.AVAILABLE);
    assertThat(coverage.check(region, "Lake View", "2")).isEqualTo(CoverageResult.NO_FREE_PORT);
    assertThat(coverage.check(region, "Lake View", "3")).isEqualTo(CoverageResult.NOT_COVERED);

    ResponseEntity<Map<String, Object>> second = post("""
        region,compound,building,freePorts
        %1$s,Lake View,2,8
        """.formatted(region));
    assertThat(second.getBody()).containsEntry("inserted", 0).containsEntry("updated", 1);
    assertThat(coverage.freePorts(region, "Lake View", "2")).contains(8);
    assertThat(coverage.freePorts(region, "Lake View", "1")).contains(10);   // not in the file: kept
  }

  @Test
  void aBadRowRejectsTheWholeFile_namingTheLine() {
    ResponseEntity<Map<String, Object>> response = post("""
        region,compound,building,freePorts
        %1$s,Hill Court,1,10
        %1$s,Hill Court,2,many
        """.formatted(region));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) response.getBody().get("message")).contains("line 3").contains("nothing imported");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).containsEntry("field", "freePorts");
    assertThat((String) errors.get(0).get("message")).startsWith("line 3:");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_coverage WHERE region = ?", Integer.class, region)).isZero();
  }

  @Test
  void aFileWithoutTheRequiredHeaderIsRejected() {
    ResponseEntity<Map<String, Object>> response = post("region;compound;building;freePorts\nR;C;1;2\n");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void networkStaffMayImport_otherStaffMayNot() {
    com.serviceloop.installation.TestUsers.ensure(identity, "itnetwork", "network");
    com.serviceloop.installation.TestUsers.ensure(identity, "ithall", "business-hall");
    String csv = "region,compound,building,freePorts\n%s,River Court,1,3\n".formatted(region);
    assertThat(post("itnetwork", csv).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("ithall", csv).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void demoCoverageIsSeeded() {
    assertThat(coverage.check("Hangzhou-Xihu", "Wenyuan Garden", "2")).isEqualTo(CoverageResult.NO_FREE_PORT);
    assertThat(coverage.check("Hangzhou-Gongshu", "Daguan Garden", "3")).isEqualTo(CoverageResult.AVAILABLE);
  }

  ResponseEntity<Map<String, Object>> post(String csv) {
    return post("demo", csv);
  }

  ResponseEntity<Map<String, Object>> post(String user, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    String password = "demo".equals(user) ? "demo" : com.serviceloop.installation.TestUsers.PASSWORD;
    return rest.withBasicAuth(user, password).exchange("/api/coverage", HttpMethod.POST,
        new HttpEntity<>(csv, headers), JSON);
  }
}
