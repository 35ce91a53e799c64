package com.serviceloop.coverage;

/** One building of the coverage data; households and technology are optional detail. */
public record CoverageRow(String region, String compound, String building, int freePorts, Integer households,
    String technology) {}
