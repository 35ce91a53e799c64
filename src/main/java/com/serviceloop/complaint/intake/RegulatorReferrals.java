package com.serviceloop.complaint.intake;

import com.serviceloop.security.ServiceLoopGroups;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who may record a referral from the regulator (channel REGULATOR, MIIT Order 35): service supervision and the
 * channel systems (the regulator's referral platform). One rule for both ways in: POST /api/complaints and the
 * Tasklist start form complaint-intake.
 */
public final class RegulatorReferrals {

  public static final String CHANNEL = "REGULATOR";
  public static final List<String> GROUPS =
      List.of(ServiceLoopGroups.SERVICE_SUPERVISION, ServiceLoopGroups.CHANNEL_SYSTEMS);
  public static final String REFUSED = "申诉转办只能由服务监管部或渠道系统录入 only service supervision ("
      + ServiceLoopGroups.SERVICE_SUPERVISION + ") and channel systems (" + ServiceLoopGroups.CHANNEL_SYSTEMS
      + ") may record a REGULATOR referral";

  private RegulatorReferrals() {}

  /** Whether the intake is a referral that a caller in these groups may not record. */
  public static boolean refused(Map<String, ?> intake, Collection<String> callerGroups) {
    return CHANNEL.equals(intake.get(ComplaintIntakeFields.CHANNEL)) && GROUPS.stream().noneMatch(callerGroups::contains);
  }
}
