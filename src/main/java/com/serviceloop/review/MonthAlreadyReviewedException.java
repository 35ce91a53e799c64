package com.serviceloop.review;

import java.time.YearMonth;

/** A review was asked for a month that already has one (each month is reviewed once). */
public class MonthAlreadyReviewedException extends RuntimeException {

  private final YearMonth month;
  private final String processInstanceId;

  public MonthAlreadyReviewedException(YearMonth month, String processInstanceId) {
    super("The month " + month + " already has its review (process instance " + processInstanceId + ")");
    this.month = month;
    this.processInstanceId = processInstanceId;
  }

  public YearMonth month() {
    return month;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
