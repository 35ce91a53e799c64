-- SLA warnings of a broadband installation's promise (装机承诺, installation_due; issue 9 item 1), as the
-- complaint and repair clocks have them: when each level is due, the level reached and when. H2 and PostgreSQL.
ALTER TABLE sl_work_order ADD COLUMN installation_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN installation_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN installation_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN installation_warned_at TIMESTAMP WITH TIME ZONE;
