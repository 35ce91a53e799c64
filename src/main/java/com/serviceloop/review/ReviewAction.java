package com.serviceloop.review;

import java.time.Instant;

/** One action decided at the monthly review: a hot issue, who answers for it, by when. */
public record ReviewAction(String issue, String department, String person, Instant deadline, boolean hardest) {}
