-- A working-time deadline of the order runs into a year without a holiday schedule (docs/calendar.md):
-- the first such year. Counted with weekends only, it may fall on a public holiday; set where the deadlines
-- are stored, kept when the schedule is added later (the stored deadline was computed without it).
ALTER TABLE sl_work_order ADD COLUMN deadline_unscheduled_year INT;
