-- Honest KPIs (issue 9, item 5): the first round judges timely handling. SQL for H2 and PostgreSQL.

-- Timely handling (工单处理及时率) judges a case by its FIRST round: the deadline the service level set
-- (complaint: closure; installation: the customer promise; repair: the repair limit) and whether the first
-- round ended by it (closed, or answered unsatisfied at the return visit and re-processed). A re-processing
-- round or an escalation instruction moves closure_due (the process's deadline), never these two.
ALTER TABLE sl_work_order ADD COLUMN first_closure_due TIMESTAMP WITH TIME ZONE;
ALTER TABLE sl_work_order ADD COLUMN first_closure_on_time BOOLEAN;
-- The orders before this migration: the best that is known (a re-processed complaint keeps its last round's).
UPDATE sl_work_order SET
  first_closure_due = CASE WHEN order_type = 'INSTALLATION' THEN COALESCE(installation_due, closure_due)
                           WHEN order_type = 'FAULT_REPAIR' THEN COALESCE(completion_due, closure_due)
                           ELSE closure_due END,
  first_closure_on_time = closure_on_time;
-- the open orders whose first deadline passed: a miss in the period the deadline passed in
CREATE INDEX ix_sl_wo_first_closure_due ON sl_work_order (first_closure_due);
