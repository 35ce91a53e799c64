-- SLA warnings (issue 9 item 1): each clock of a complaint warns twice before its deadline, at the shares
-- dmn/sla-warning.dmn decides. Per clock: when each level is due (the boundary timers' due dates), the highest
-- level reached and when it was reached. On the work order, like the deadlines, so the lookup and the KPI
-- SQL read one row; the closure's columns belong to the current round (a new round sets new due dates and
-- clears the level reached; the notifications of earlier rounds stay in sl_notification_outbox).
ALTER TABLE sl_work_order ADD COLUMN first_contact_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN first_contact_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN first_contact_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN first_contact_warned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN closure_warn1_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN closure_warn2_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN closure_warned_level INT;
ALTER TABLE sl_work_order ADD COLUMN closure_warned_at TIMESTAMP WITH TIME ZONE;
