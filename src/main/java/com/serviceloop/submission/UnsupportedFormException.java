package com.serviceloop.submission;

/** A deployed form uses a construct the server-side check does not support (and so cannot check). */
public class UnsupportedFormException extends RuntimeException {

  public UnsupportedFormException(String message) {
    super(message);
  }
}
