-- Lookups (issue 11): the coverage query of the SMS (kd*小区名称) and the website is tolerant of spaces,
-- case and full-width letters. compound_key is the compound's name so normalised (Unicode NFKC, lower
-- case, no white space), written by CoverageService on every import; here the existing rows get the
-- SQL approximation (lower case, no spaces), which is exact for the names imported so far.
ALTER TABLE sl_coverage ADD COLUMN compound_key VARCHAR(128);
UPDATE sl_coverage SET compound_key = REPLACE(REPLACE(LOWER(compound), ' ', ''), '　', '');
CREATE INDEX ix_sl_coverage_compound_key ON sl_coverage (compound_key);

-- Uncovered demand for network planning is read by period.
CREATE INDEX ix_sl_coverage_demand_recorded ON sl_coverage_demand (recorded_at);

-- The halls' report reads business-hall installations by acceptance time.
CREATE INDEX ix_sl_wo_hall ON sl_work_order (business_hall, received_at);
