-- SLA warnings of a fault repair's repair clock (issue 9 item 1), as the complaint clocks have them
-- (V18_1__sla_warnings.sql): when each level is due, the level reached and when. The repair's deadline is
-- completion_due, so its warnings are completion_…. SQL for H2 and PostgreSQL.
ALTER TABLE sl_work_order ADD COLUMN completion_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN completion_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN completion_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN completion_warned_at TIMESTAMP WITH TIME ZONE;
