package com.serviceloop.installation;

/** Where a broadband order was accepted. */
public enum InstallationChannel {
  /** The 400 broadband hotline (priority). */
  HOTLINE_400,
  /** The mobile website: as the 400 hotline. */
  WEBSITE,
  /** A business hall accepting for another region (cross-region), paid at the counter. */
  BUSINESS_HALL
}
