-- The index budget (issue 18, docs/PERFORMANCE.md "Index budget"): on the tables every stored message writes, keep
-- only what an operation needs, and nothing whose key changes on every message. Index changes only: the tables stay
-- the original bot's, so the file stays readable and writable by it.
-- chat_users(chat_id, updated_at): rewritten whenever a member's row is touched; getChatUsers sorts the chat's
-- members (found by the primary key) instead.
DROP INDEX IF EXISTS chatstore_chat_users_chat_updated;
-- chat_messages(chat_id, user_id, date) and (chat_id, date): one index instead of two. getChatMessages walks it
-- newest first; getChatMessagesByUser walks the same range and tests user_id inside the index.
DROP INDEX IF EXISTS chatstore_chat_messages_chat_user_date;
DROP INDEX IF EXISTS chatstore_chat_messages_chat_date;
CREATE INDEX IF NOT EXISTS chatstore_chat_messages_chat_date_user ON chat_messages (chat_id, date, user_id);
-- chat_messages(chat_id, root_message_id): replies only. A message that replies to nothing is its own root and is
-- found by the primary key, so most messages add no entry here.
DROP INDEX IF EXISTS chatstore_chat_messages_chat_root;
CREATE INDEX IF NOT EXISTS chatstore_chat_messages_replies ON chat_messages (chat_id, root_message_id)
    WHERE root_message_id <> message_id;
