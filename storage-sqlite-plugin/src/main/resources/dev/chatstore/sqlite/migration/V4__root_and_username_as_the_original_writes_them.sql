-- Rows Chatstore's ingest wrote unlike the original bot (spec/host.md "How an update maps to rows"); each update
-- matches only what the original never writes, so its own rows are left as they are (SqliteRowRepair counts the
-- same conditions for the report).
-- A message that replies to nothing is its own root; Chatstore stored NULL.
UPDATE chat_messages SET root_message_id = message_id WHERE root_message_id IS NULL;
-- A Telegram username is stored with its '@'; Chatstore stored it bare. A bare name that equals the full name is the
-- original's form for a user without a username, and is kept.
UPDATE chat_users SET username = '@' || username
WHERE username <> '' AND username NOT GLOB '*[^A-Za-z0-9_]*' AND username <> full_name;
-- A user (positive id) without a username is stored under the full name; Chatstore stored ''.
UPDATE chat_users SET username = full_name WHERE username = '' AND user_id > 0 AND full_name <> '';
