package com.serviceloop.common;

import java.util.regex.Pattern;

/** A customer's phone as every intake takes it: a mainland mobile (1xxxxxxxxxx) or a fixed line with its area code. */
public final class PhoneNumbers {

  /** The same text is the pattern of the intake forms' phone fields (CamundaFormsTest compares them). */
  public static final String PATTERN_TEXT = "^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$";
  private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);

  private PhoneNumbers() {}

  public static boolean isValid(String phone) {
    return PATTERN.matcher(phone).matches();
  }
}
