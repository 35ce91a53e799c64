-- Honest KPIs (issue 9, item 5): every return visit kept. SQL for H2 and PostgreSQL.

-- Satisfaction (工单处理满意率) counts the FIRST round's return-visit answer: a month already reported does
-- not change when a later round is answered. satisfaction / surveyed_at stay the latest answer (the order page).
ALTER TABLE sl_work_order ADD COLUMN first_satisfaction VARCHAR(16);
ALTER TABLE sl_work_order ADD COLUMN first_surveyed_at TIMESTAMP WITH TIME ZONE;
UPDATE sl_work_order SET first_satisfaction = satisfaction, first_surveyed_at = surveyed_at;
CREATE INDEX ix_sl_wo_first_surveyed ON sl_work_order (first_surveyed_at, region);

-- Every return visit, per order and round (回访): the round's answer (the last call of the round: a reached
-- customer ends the round's calls), how many calls it took, the first and the last call.
CREATE TABLE sl_return_visit (
  order_no        VARCHAR(32)   NOT NULL,
  round_no        INT           NOT NULL,
  outcome         VARCHAR(16)   NOT NULL,   -- SATISFIED, UNSATISFIED, UNREACHABLE
  attempts        INT,
  first_call_at   TIMESTAMP WITH TIME ZONE,
  surveyed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_sl_return_visit PRIMARY KEY (order_no, round_no)
);
INSERT INTO sl_return_visit (order_no, round_no, outcome, attempts, first_call_at, surveyed_at)
  SELECT order_no, rounds, satisfaction, NULL, NULL, surveyed_at FROM sl_work_order
  WHERE satisfaction IS NOT NULL AND surveyed_at IS NOT NULL AND order_no IS NOT NULL;
