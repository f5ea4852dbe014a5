-- Runs inside each migration's transaction: records when migrations last ran, as the original does.
INSERT INTO settings (key, value, created_at, updated_at)
VALUES ('db-migration-last-run', strftime('%Y-%m-%d %H:%M:%S', 'now'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
