-- Indexes for the other lookups that would scan a whole table in a large file.
CREATE INDEX IF NOT EXISTS chatstore_chat_messages_chat_user_date ON chat_messages (chat_id, user_id, date);
CREATE INDEX IF NOT EXISTS chatstore_chat_messages_chat_root ON chat_messages (chat_id, root_message_id);
CREATE INDEX IF NOT EXISTS chatstore_chat_users_chat_updated ON chat_users (chat_id, updated_at);
CREATE INDEX IF NOT EXISTS chatstore_chat_users_user ON chat_users (user_id);
CREATE INDEX IF NOT EXISTS chatstore_chat_settings_key ON chat_settings (key);
CREATE INDEX IF NOT EXISTS chatstore_delayed_tasks_pending ON delayed_tasks (is_done, delayed_ts);
CREATE INDEX IF NOT EXISTS chatstore_spam_messages_text ON spam_messages (text);
CREATE INDEX IF NOT EXISTS chatstore_spam_messages_created ON spam_messages (created_at);
