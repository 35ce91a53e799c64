package com.serviceloop.installation;

import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Registering a broadband order and the installation's arithmetic; knows nothing of the engine. */
@Service
@RequiredArgsConstructor
public class InstallationService {

  public static final String CATEGORY = "BROADBAND_INSTALLATION";

  private final WorkOrderRepository workOrders;
  private final InstallationOrders orders;

  /**
   * The work order of a newly accepted broadband order; returns its order number (INS-…). A hall order
   * counts with {@code hallVolumeCoefficient} (the model's, on its register step) in the hall's variable pay.
   */
  public String register(BroadbandOrder order, String processInstanceId, BigDecimal hallVolumeCoefficient) {
    String orderNo = workOrders.create(new NewWorkOrder(OrderType.INSTALLATION, InstallationVariables.STATUS_ACCEPTED, processInstanceId,
        order.channel().name(), CATEGORY, order.region(), null, null, null, order.customerPhone(),
        order.customerName(), order.broadbandPackage() + " @ " + order.compound() + " " + order.building()
            + (order.room() == null ? "" : " " + order.room()),
        null, order.channel().name(), order.acceptedAt()));
    orders.recordIntake(orderNo, order, order.paidAtHall() ? hallVolumeCoefficient : null);
    return orderNo;
  }

  /**
   * Liquidated damages for a late installation (Telecom Regulations art. 32): every started day after the
   * promise counts, at the decision's daily rate of the installation fee (the amount the customer paid).
   */
  public static Remedy remedy(Instant promised, Instant installedAt, double ratePerDay, BigDecimal fee) {
    if (promised == null || installedAt == null || !installedAt.isAfter(promised)) {
      return new Remedy(0, BigDecimal.ZERO.setScale(2));
    }
    long minutesLate = Duration.between(promised, installedAt).toMinutes();
    int daysLate = (int) ((minutesLate + Duration.ofDays(1).toMinutes() - 1) / Duration.ofDays(1).toMinutes());
    BigDecimal base = fee == null ? BigDecimal.ZERO : fee;
    BigDecimal amount = base.multiply(BigDecimal.valueOf(ratePerDay)).multiply(BigDecimal.valueOf(daysLate))
        .setScale(2, RoundingMode.HALF_UP);
    return new Remedy(daysLate, amount);
  }

  /** The cash handed over must equal what the installer collected, to the cent. */
  public static boolean handoverMatches(BigDecimal collected, BigDecimal handedOver) {
    return collected != null && handedOver != null && collected.compareTo(handedOver) == 0;
  }

  public record Remedy(int daysLate, BigDecimal amount) {}
}
