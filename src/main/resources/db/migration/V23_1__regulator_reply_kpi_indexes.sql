-- regulatorReplyInTime (issue 9 item 3): like firstContactInTime, a range over each of its two milestones —
-- reported back to the regulator in the period, reply deadline passed in it (V4_1: one index per milestone a
-- KPI counts in a period). appealsPerMillion counts received_at (ix_sl_wo_received). SQL for H2 and PostgreSQL.
CREATE INDEX ix_sl_wo_regulator_reported ON sl_work_order (regulator_reported_at);
CREATE INDEX ix_sl_wo_regulator_reply_due ON sl_work_order (regulator_reply_due);
