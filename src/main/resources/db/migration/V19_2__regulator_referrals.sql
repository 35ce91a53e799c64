-- The regulator's clock (issue 9 item 3, MIIT Order 35 电信用户申诉处理办法): a REGULATOR referral carries the
-- regulator's reference and the deadline it set for the reply, links to the customer's original complaint
-- (same phone, within the window the model gives), and ends with the report back to the regulator: when, and
-- whether by the deadline. SQL for H2 and PostgreSQL.
ALTER TABLE sl_work_order ADD COLUMN regulator_reference VARCHAR(64);
ALTER TABLE sl_work_order ADD COLUMN regulator_reply_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN original_order_no VARCHAR(32);
ALTER TABLE sl_work_order ADD COLUMN regulator_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN regulator_reply_on_time BOOLEAN;
