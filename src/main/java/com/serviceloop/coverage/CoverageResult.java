package com.serviceloop.coverage;

/** What the resource query platform says about an address. */
public enum CoverageResult {
  /** The building is covered and has a free port. */
  AVAILABLE,
  /** The network does not reach the building. */
  NOT_COVERED,
  /** The building is covered, but every port is taken. */
  NO_FREE_PORT
}
