-- The Hangzhou demo coverage rows of V3_1 reached every database, production too. V3_1 is left as it was
-- applied (its checksum is in every existing sl_schema_history); this migration takes the six rows out
-- again — only where they are still exactly the demo values, so a row the network department's CSV has
-- since updated (new free ports, new updated_at) is real data and stays. The demo profile (and the tests)
-- load them at start instead (com.serviceloop.operations.DemoCoverage, demo/coverage.csv).
DELETE FROM sl_coverage
WHERE updated_at = TIMESTAMP WITH TIME ZONE '2026-11-16 09:00:00+08:00'
  AND (   (region = 'Hangzhou-Xihu'     AND compound = 'Wenyuan Garden'    AND building = '1'  AND free_ports = 24 AND households = 96  AND technology = 'FTTH')
       OR (region = 'Hangzhou-Xihu'     AND compound = 'Wenyuan Garden'    AND building = '2'  AND free_ports = 0  AND households = 96  AND technology = 'FTTH')
       OR (region = 'Hangzhou-Xihu'     AND compound = 'Cuiyuan Estate'    AND building = '5'  AND free_ports = 12 AND households = 48  AND technology = 'LAN')
       OR (region = 'Hangzhou-Gongshu'  AND compound = 'Daguan Garden'     AND building = '3'  AND free_ports = 30 AND households = 120 AND technology = 'FTTH')
       OR (region = 'Hangzhou-Binjiang' AND compound = 'Jiangnan Lakeside' AND building = '8'  AND free_ports = 40 AND households = 160 AND technology = 'FTTH')
       OR (region = 'Hangzhou-Xiaoshan' AND compound = 'Chengxiang Court'  AND building = '11' AND free_ports = 6  AND households = 64  AND technology = 'LAN'));

-- The SLA gauges (SlaMetrics) read open orders and the last hour's breaches.
CREATE INDEX ix_sl_work_order_open ON sl_work_order (closed_at, order_type);
CREATE INDEX ix_sl_breach_detected ON sl_breach (detected_at);
