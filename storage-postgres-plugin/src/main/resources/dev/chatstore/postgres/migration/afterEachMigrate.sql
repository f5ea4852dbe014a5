-- Runs inside each migration's transaction: records when migrations last ran, as the original does.
INSERT INTO settings (key, value, created_at, updated_at)
VALUES ('db-migration-last-run', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
        date_trunc('second', now()), date_trunc('second', now()))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
