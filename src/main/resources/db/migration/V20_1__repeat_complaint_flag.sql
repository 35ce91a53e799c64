-- Issue 13: the repeat-complaint flag (重复投诉) is stored on the work order by the complaint process
-- (CheckRepeatComplaintDelegate, with the window of the model's Task_CheckRepeatComplaint, repeatWindow), and
-- the KPI repeatComplaintRate counts the stored flags: the model's window is the only rule. SQL for H2 and
-- PostgreSQL. NULL: not a complaint, or a complaint whose check has not run yet (counted as no repeat).
ALTER TABLE sl_work_order ADD COLUMN repeat_complaint BOOLEAN;
-- The complaints before this migration: the rule the KPI applied to them until now (a complaint of the same
-- phone received in the 30 days before, an earlier instant), so that no past month's figure changes.
UPDATE sl_work_order w SET repeat_complaint = CASE WHEN EXISTS (
    SELECT 1 FROM sl_work_order p
    WHERE p.order_type = 'COMPLAINT' AND p.customer_phone = w.customer_phone
      AND p.received_at < w.received_at AND p.received_at >= w.received_at - INTERVAL '30' DAY)
  THEN TRUE ELSE FALSE END
WHERE w.order_type = 'COMPLAINT';
