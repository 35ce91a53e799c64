-- Issue 7: an escalation ends with its work order, and a new reason raises the running chain. A level
-- that was neither answered nor left unanswered is closed: RAISED (a new reason raised the chain above
-- it) or ORDER_ENDED (the work order's process ended, however it ended).
ALTER TABLE sl_escalation ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_escalation ADD COLUMN closed_reason VARCHAR(16);
