package com.serviceloop.api;

/** The request contradicts what already exists (e.g. a second review of a month): answered with 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
