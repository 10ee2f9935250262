-- Sharing and alerts (issue 6, C): an alert mail carries its one-click unsubscribe address
-- (RFC 8058: List-Unsubscribe + List-Unsubscribe-Post), and the back office's unread badge
-- counts customer entries of the Job Message History past users.seen_event_id with one
-- short range read of an index instead of a scan of the whole history.
ALTER TABLE outbox
	ADD unsubscribe_url VARCHAR(500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '';

ALTER TABLE job_events
	-- The customer's own words (a view is logged with its person, but not shown to them).
	ADD from_customer TINYINT(1) AS (person_id IS NOT NULL AND visible_to_customer = 1) PERSISTENT,
	ADD KEY job_events_customer (company_id, from_customer, id);
