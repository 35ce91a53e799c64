-- SLA warnings of a broadband installation's two step clocks (issue 9 item 1), as its promise has them
-- (V19_4): extraction (工单提取, extraction_due) and appointment (预约, appointment_due) — when each level is
-- due, the level reached and when. H2 and PostgreSQL.
ALTER TABLE sl_work_order ADD COLUMN extraction_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN extraction_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN extraction_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN extraction_warned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN appointment_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN appointment_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN appointment_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN appointment_warned_at TIMESTAMP WITH TIME ZONE;
