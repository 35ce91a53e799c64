-- Issue 7: a port is reserved when the order is accepted (the coverage check found a free port), so the
-- last free port of a building is never promised to two customers. free_ports stays what the network
-- department reports (ports physically free); reserved_ports counts the ports promised to accepted
-- orders not yet installed. A port can be promised while free_ports > reserved_ports; the reservation is
-- one conditional UPDATE of the building's row (atomic with two engine nodes on one database).
ALTER TABLE sl_coverage ADD COLUMN reserved_ports INT DEFAULT 0 NOT NULL;
ALTER TABLE sl_coverage ADD CONSTRAINT ck_sl_coverage_reserved_ports CHECK (reserved_ports >= 0);

-- One reservation per order (the order number is the key): RESERVED at acceptance, then CONSUMED by the
-- installation or RELEASED when the order is cancelled or ends without installation.
CREATE TABLE sl_port_reservation (
  order_no      VARCHAR(32)   NOT NULL PRIMARY KEY,
  region        VARCHAR(64)   NOT NULL,
  compound      VARCHAR(128)  NOT NULL,
  building      VARCHAR(64)   NOT NULL,
  status        VARCHAR(16)   NOT NULL,   -- RESERVED, CONSUMED, RELEASED
  reserved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT ck_sl_port_reservation_status CHECK (status IN ('RESERVED', 'CONSUMED', 'RELEASED'))
);
CREATE INDEX ix_sl_port_reservation_address ON sl_port_reservation (region, compound, building, status);

-- The work order shows its port: RESERVED / CONSUMED / RELEASED (null: no port was ever reserved).
ALTER TABLE sl_work_order ADD COLUMN port_reservation VARCHAR(16);
ALTER TABLE sl_work_order ADD COLUMN port_reserved_at TIMESTAMP WITH TIME ZONE;

-- Orders accepted before this version that are still waiting for their installation hold their port now.
INSERT INTO sl_port_reservation (order_no, region, compound, building, status, reserved_at)
SELECT w.order_no, w.region, w.address_compound, w.address_building, 'RESERVED', w.created_at
FROM sl_work_order w
WHERE w.order_type = 'INSTALLATION' AND w.coverage_result = 'AVAILABLE'
  AND w.status IN ('ACCEPTED', 'ENTERED', 'APPOINTMENT_BOOKED', 'DISPATCHED')
  AND w.address_compound IS NOT NULL AND w.address_building IS NOT NULL;
UPDATE sl_work_order SET port_reservation = 'RESERVED', port_reserved_at = created_at
WHERE order_no IN (SELECT order_no FROM sl_port_reservation);
UPDATE sl_coverage SET reserved_ports = (
  SELECT COUNT(*) FROM sl_port_reservation r
  WHERE r.region = sl_coverage.region AND r.compound = sl_coverage.compound AND r.building = sl_coverage.building
    AND r.status = 'RESERVED');
-- Installation orders also record which installer did the job and who signed the cash handover, by their
-- authenticated user ids (handover_installer / handover_back_office now hold user ids, not typed names).
ALTER TABLE sl_work_order ADD COLUMN installed_by VARCHAR(64);
