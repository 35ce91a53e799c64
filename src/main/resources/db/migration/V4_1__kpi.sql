-- KPIs (issue 4): the facts are sl_work_order itself (written by the processes in the engine's
-- transaction) plus sl_breach. KPIs are range aggregates over its milestone timestamps; the period's
-- bounds are computed in Asia/Shanghai by Java, so no month column is stored. SQL for H2 and PostgreSQL.

-- Broadband customers per region and month: the denominator of complaints per 10,000 customers.
CREATE TABLE sl_customer_base (
  region               VARCHAR(64)  NOT NULL,
  base_month           CHAR(7)      NOT NULL,   -- 'YYYY-MM' (MONTH is a keyword in H2)
  broadband_customers  BIGINT       NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_sl_customer_base PRIMARY KEY (region, base_month),
  CONSTRAINT ck_sl_customer_base_count CHECK (broadband_customers >= 0)
);

-- One index per milestone a KPI counts in a period; the leading column is the range predicate,
-- the following ones serve the usual filters (type, region) without a table visit where possible.
-- received: complaintsPer10k, onSiteAppointmentRate, escalationRate, repeatComplaintRate
CREATE INDEX ix_sl_wo_received ON sl_work_order (received_at, order_type, region);
-- closed: timelyHandlingRate, reprocessingRate, remediesDue
CREATE INDEX ix_sl_wo_closed ON sl_work_order (closed_at, region);
-- completed: installationTimeliness
CREATE INDEX ix_sl_wo_completed ON sl_work_order (completed_at, order_type);
-- surveyed: satisfactionRate
CREATE INDEX ix_sl_wo_surveyed ON sl_work_order (surveyed_at, region);
-- first contact made / first-contact deadline passed: firstContactInTime
CREATE INDEX ix_sl_wo_first_contact ON sl_work_order (first_contact_at);
CREATE INDEX ix_sl_wo_first_contact_due ON sl_work_order (first_contact_due);
-- repeatComplaintRate's self join: the earlier complaints of the same phone
CREATE INDEX ix_sl_wo_type_phone ON sl_work_order (order_type, customer_phone, received_at);
