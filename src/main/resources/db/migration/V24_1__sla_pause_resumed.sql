-- An open-ended pause (issue 9 item 2: documents requested from the customer) has no known end when it begins:
-- it is applied for sla-pause's longest pause (resumes_at, the provisional end) and shortened when the case
-- resumes earlier. resumed_at is the real end (NULL while the pause runs, and for pauses from before this
-- migration, whose end was known: resumes_at); paused_for and due_after are then the real ones.
-- SQL for H2 and PostgreSQL.
ALTER TABLE sl_sla_pause ADD COLUMN open_ended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sl_sla_pause ADD COLUMN resumed_at TIMESTAMP WITH TIME ZONE;
