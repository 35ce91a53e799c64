package com.serviceloop.api;

/** The addressed resource (e.g. a work order number) does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
