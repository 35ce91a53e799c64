package com.serviceloop.coverage;

/** The authenticated user is not in a group allowed to do this: answered 403. */
public class NotPermittedException extends RuntimeException {

  public NotPermittedException(String message) {
    super(message);
  }
}
