-- "Newest messages of a chat" (getChatMessages) without a sort: the original has no index for it.
CREATE INDEX IF NOT EXISTS chatstore_chat_messages_chat_date ON chat_messages (chat_id, date);
