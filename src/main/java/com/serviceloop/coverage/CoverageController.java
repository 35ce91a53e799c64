package com.serviceloop.coverage;

import com.serviceloop.api.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/coverage (text/csv): the network department's weekly coverage data, upserted by
 * region + compound + building. A bad row rejects the whole file with 400 naming each bad line.
 */
@RestController
@RequestMapping("/api/coverage")
public class CoverageController {

  /** Who may replace coverage data: the network staff and administrators. */
  static final List<String> IMPORTERS = List.of("network", "camunda-admin");

  private final CoverageService coverage;
  private final IdentityService identity;

  public CoverageController(CoverageService coverage, IdentityService identity) {
    this.coverage = coverage;
    this.identity = identity;
  }

  @PostMapping(consumes = {"text/csv", "text/plain"})
  public Map<String, Object> importCsv(@RequestBody(required = false) String csv) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(IMPORTERS::contains)) {
      throw new ForbiddenException("Only network staff import coverage data");
    }
    CoverageService.ImportResult result = coverage.importCsv(csv);
    return Map.of("inserted", result.inserted(), "updated", result.updated(), "mode", "UPSERT");
  }
}
