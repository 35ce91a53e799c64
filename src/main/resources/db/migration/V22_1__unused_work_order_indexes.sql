-- Issue 12: two indexes of sl_work_order that no query of the project needs, written on every insert and on
-- every update that changes their columns (on PostgreSQL: every update that is not HOT). Same SQL on H2 and
-- PostgreSQL. Checked against every statement on sl_work_order in src/main (KPIs, dashboard, SLA gauges,
-- hall report, customer orders, repository):
--
-- ix_sl_wo_surveyed (surveyed_at, region), V4_1: served satisfactionRate, which since V17_2 counts the first
-- round's answer (first_surveyed_at, index ix_sl_wo_first_surveyed). No query filters, joins or orders by
-- surveyed_at any more; it is only written (the latest return visit, shown on the order page).
DROP INDEX IF EXISTS ix_sl_wo_surveyed;
--
-- ix_sl_work_order_open (closed_at, order_type), V10_1: for the open orders (closed_at IS NULL) of the SLA
-- gauges (SlaMetrics) and the dashboard. ix_sl_wo_closed (closed_at, region), V4_1, has the same leading
-- column and gives those queries the same index condition (closed_at IS NULL); no query has a predicate on
-- order_type together with closed_at, and every open-order query reads columns that are in neither index
-- (the next deadline, responsible_group, received_at, w.*), so order_type never made one of them index-only.
-- The dashboard's region filter is served better by ix_sl_wo_closed.
DROP INDEX IF EXISTS ix_sl_work_order_open;
