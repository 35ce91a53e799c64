package com.serviceloop.coverage;

import com.serviceloop.security.ApiCaller;
import com.serviceloop.security.ServiceLoopGroups;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/coverage (text/csv): the network department's weekly coverage data, upserted by
 * region + compound + building. A bad row rejects the whole file with 400 naming each bad line.
 * Only network staff (and administrators) may import it.
 */
@RestController
@RequestMapping(path = "/api/coverage", produces = "application/json")
@RequiredArgsConstructor
public class CoverageController {

  private final CoverageService coverage;
  private final ApiCaller caller;

  @PostMapping(consumes = "text/csv")
  public Map<String, Object> importCsv(@RequestBody(required = false) String csv) {
    caller.requireGroup("import coverage data", ServiceLoopGroups.NETWORK);
    CoverageService.ImportResult result = coverage.importCsv(csv);
    return Map.of("inserted", result.inserted(), "updated", result.updated(), "mode", "UPSERT");
  }
}
