-- Issue 12: the indexes of sl_work_order are the ones the project's own queries use (docs/kpi.md,
-- "Indexes", shows each query's plan on PostgreSQL with 1,000,000 work orders).
-- ix_sl_work_order_phone (customer_phone, received_at) overlaps ix_sl_wo_type_phone
-- (order_type, customer_phone, received_at): every query by phone also filters the order type (the
-- repeat-complaint check at intake, WorkOrderRepository.countFromPhone, and the repeat-complaint KPI), and
-- both use ix_sl_wo_type_phone. One index less to maintain on every insert and on every update that is
-- not HOT.
DROP INDEX IF EXISTS ix_sl_work_order_phone;
