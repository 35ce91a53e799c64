package com.serviceloop.security;

import static com.serviceloop.security.ServiceLoopGroups.*;

/**
 * Who may call each of the read-only lookups of /api (docs/api.md, "Lookups"), and who among them sees a
 * customer's personal data (phone, name, room, the complaint text) in full. Everyone else gets 403 up front
 * (ApiCaller); administrators may call everything.
 */
public final class LookupAccess {

  /** The groups that serve customers face to face or on the phone: "what is open for this number?". */
  public static final String[] CUSTOMER_SERVICE = {HOTLINE, BUSINESS_HALL, BACK_OFFICE, SERVICE_SUPERVISION};

  /** An installation order: the channels that took it, the people who work it, auditors. */
  public static final String[] INSTALLATION_READERS = {HOTLINE, BUSINESS_HALL, BACK_OFFICE, SERVICE_SUPERVISION,
      CHANNEL_SYSTEMS, NETWORK, INSTALLERS_OWN, INSTALLERS_OUTSOURCED, INSTALLERS_PARTNER, AUDITORS};

  /** A fault report: the channels, the installers who repair, key-account managers, auditors. */
  public static final String[] FAULT_READERS = {HOTLINE, BUSINESS_HALL, BACK_OFFICE, SERVICE_SUPERVISION,
      CHANNEL_SYSTEMS, INSTALLERS_OWN, INSTALLERS_OUTSOURCED, INSTALLERS_PARTNER, DEPT_NETWORK_ASSURANCE,
      KEY_ACCOUNT_MANAGERS, AUDITORS};

  /**
   * Of those who may read an order, who need to reach the customer (and so see phone, name and room in
   * full); the others (auditors, departments) see them masked.
   */
  public static final String[] PERSONAL_DATA = {HOTLINE, BUSINESS_HALL, BACK_OFFICE, SERVICE_SUPERVISION,
      CHANNEL_SYSTEMS, NETWORK, INSTALLERS_OWN, INSTALLERS_OUTSOURCED, INSTALLERS_PARTNER, KEY_ACCOUNT_MANAGERS};

  /** The coverage query (SMS kd*小区名称, website, agents checking before they accept an order). */
  public static final String[] COVERAGE_READERS = {CHANNEL_SYSTEMS, HOTLINE, BUSINESS_HALL, BACK_OFFICE, NETWORK,
      SERVICE_SUPERVISION};

  /** Uncovered demand: network planning, supervision, auditors (no personal data in it). */
  public static final String[] DEMAND_READERS = {NETWORK, SERVICE_SUPERVISION, AUDITORS};

  /** The halls' installation volume (variable pay): the halls, channel service, supervision, auditors. */
  public static final String[] HALL_REPORT_READERS = {BUSINESS_HALL, DEPT_CHANNEL_SERVICE, SERVICE_SUPERVISION,
      AUDITORS};

  private LookupAccess() {}
}
