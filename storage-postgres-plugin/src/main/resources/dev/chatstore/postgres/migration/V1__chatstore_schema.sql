-- The Chatstore schema in PostgreSQL types: the same tables, columns and keys as the SQLite schema at the original
-- bot's level 6 plus Chatstore's indexes (spec/schema.md), in the schema named by the source's `schema` key (Flyway
-- runs this with that schema as search_path). Where the types differ, and why:
--   * ids: chat, user, thread and topic ids BIGINT; message ids TEXT.
--   * timestamps: TIMESTAMPTZ(0), UTC whole seconds (the store binds whole seconds, so nothing is rounded).
--   * text: COLLATE "C", so ORDER BY is code point order and lower() folds ASCII letters only, as in SQLite,
--     whatever the database's own collation.
--   * seq: an identity column where SQLite's rowid breaks ties of equal timestamps (insertion order).
-- A released script never changes (Flyway checks its checksum): changes go into V2__*.sql and onwards.

CREATE TABLE settings (
    key TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C",
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE chat_messages (
    chat_id BIGINT NOT NULL,
    message_id TEXT COLLATE "C" NOT NULL,
    date TIMESTAMPTZ(0) NOT NULL,
    user_id BIGINT NOT NULL,
    reply_id TEXT COLLATE "C",
    thread_id BIGINT NOT NULL DEFAULT 0,
    root_message_id TEXT COLLATE "C",
    message_text TEXT COLLATE "C" NOT NULL,
    message_type TEXT COLLATE "C" NOT NULL DEFAULT 'text',
    message_category TEXT COLLATE "C" NOT NULL DEFAULT 'user',
    quote_text TEXT COLLATE "C",
    media_id TEXT COLLATE "C",
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (chat_id, message_id)
);

CREATE TABLE chat_settings (
    chat_id BIGINT NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C",
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (chat_id, key)
);

CREATE TABLE chat_users (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    username TEXT COLLATE "C" NOT NULL,
    full_name TEXT COLLATE "C" NOT NULL,
    timezone TEXT COLLATE "C",
    messages_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    is_spammer BOOLEAN NOT NULL DEFAULT FALSE,
    metadata TEXT COLLATE "C" NOT NULL DEFAULT '',
    PRIMARY KEY (chat_id, user_id)
);

CREATE TABLE chat_info (
    chat_id BIGINT PRIMARY KEY,
    title TEXT COLLATE "C",
    username TEXT COLLATE "C",
    type TEXT COLLATE "C" NOT NULL,
    is_forum BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE chat_stats (
    chat_id BIGINT NOT NULL,
    date TIMESTAMPTZ(0) NOT NULL,
    messages_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (chat_id, date)
);

CREATE TABLE chat_user_stats (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    date TIMESTAMPTZ(0) NOT NULL,
    messages_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (chat_id, user_id, date)
);

CREATE TABLE media_attachments (
    file_unique_id TEXT COLLATE "C" PRIMARY KEY,
    file_id TEXT COLLATE "C",
    file_size BIGINT,
    media_type TEXT COLLATE "C" NOT NULL,
    metadata TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL DEFAULT 'pending',
    mime_type TEXT COLLATE "C",
    local_url TEXT COLLATE "C",
    prompt TEXT COLLATE "C",
    description TEXT COLLATE "C",
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE delayed_tasks (
    id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    delayed_ts BIGINT NOT NULL,
    function TEXT COLLATE "C" NOT NULL,
    kwargs TEXT COLLATE "C" NOT NULL,
    is_done BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE user_data (
    user_id BIGINT NOT NULL,
    chat_id BIGINT NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (user_id, chat_id, key)
);

CREATE TABLE spam_messages (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    message_id TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    reason TEXT COLLATE "C" NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (chat_id, user_id, message_id)
);

CREATE TABLE ham_messages (
    chat_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    message_id TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    reason TEXT COLLATE "C" NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (chat_id, user_id, message_id)
);

CREATE TABLE chat_topics (
    chat_id BIGINT NOT NULL,
    topic_id BIGINT NOT NULL,
    icon_color INTEGER,
    icon_custom_emoji_id TEXT COLLATE "C",
    name TEXT COLLATE "C",
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (chat_id, topic_id)
);

CREATE TABLE chat_summarization_cache (
    csid TEXT COLLATE "C" PRIMARY KEY,
    chat_id BIGINT NOT NULL,
    topic_id BIGINT,
    first_message_id TEXT COLLATE "C" NOT NULL,
    last_message_id TEXT COLLATE "C" NOT NULL,
    prompt TEXT COLLATE "C" NOT NULL,
    summary TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

-- md5 of the prompt, not the prompt: a B-tree entry may not exceed about 2.7 kB, and prompts can be longer.
CREATE INDEX idx_chat_summarization_cache_key
    ON chat_summarization_cache (chat_id, topic_id, first_message_id, last_message_id, md5(prompt));

-- Spam-filter statistics: no operation uses them yet; kept so the logical schema matches SQLite's.
CREATE TABLE bayes_tokens (
    token TEXT COLLATE "C" NOT NULL,
    chat_id BIGINT,
    spam_count BIGINT NOT NULL DEFAULT 0,
    ham_count BIGINT NOT NULL DEFAULT 0,
    total_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    UNIQUE NULLS NOT DISTINCT (token, chat_id)
);

CREATE INDEX idx_bayes_tokens_chat_id ON bayes_tokens (chat_id);

CREATE INDEX idx_bayes_tokens_total_count ON bayes_tokens (total_count);

CREATE TABLE bayes_classes (
    chat_id BIGINT,
    is_spam BOOLEAN NOT NULL,
    message_count BIGINT NOT NULL DEFAULT 0,
    token_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    UNIQUE NULLS NOT DISTINCT (chat_id, is_spam)
);

CREATE INDEX idx_bayes_classes_chat_id ON bayes_classes (chat_id);

CREATE TABLE cache_weather (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_geocoding (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_yandex_search (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_geocode_maps_search (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_geocode_maps_reverse (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_geocode_maps_lookup (
    key TEXT COLLATE "C" PRIMARY KEY,
    data TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now())
);

CREATE TABLE cache_storage (
    namespace TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    updated_at TIMESTAMPTZ(0) DEFAULT date_trunc('second', now()),
    PRIMARY KEY (namespace, key)
);

CREATE INDEX idx_cache_storage_namespace ON cache_storage (namespace);

-- The original's schema level, kept like in SQLite files so both backends report the same settings.
INSERT INTO settings (key, value) VALUES ('db-migration-version', '6');

-- Chatstore's indexes (the SQLite plugin's V2 and V3).
CREATE INDEX chatstore_chat_messages_chat_date ON chat_messages (chat_id, date, seq);
CREATE INDEX chatstore_chat_messages_chat_user_date ON chat_messages (chat_id, user_id, date, seq);
CREATE INDEX chatstore_chat_messages_chat_root ON chat_messages (chat_id, root_message_id);
CREATE INDEX chatstore_chat_users_chat_updated ON chat_users (chat_id, updated_at);
CREATE INDEX chatstore_chat_users_user ON chat_users (user_id);
CREATE INDEX chatstore_chat_settings_key ON chat_settings (key);
CREATE INDEX chatstore_delayed_tasks_pending ON delayed_tasks (is_done, delayed_ts);
-- md5 of the text for the same reason as the prompt above; lookups compare md5(text) and text.
CREATE INDEX chatstore_spam_messages_text ON spam_messages (md5(text));
CREATE INDEX chatstore_spam_messages_created ON spam_messages (created_at, seq);
CREATE INDEX chatstore_chat_info_username ON chat_info (lower(username));
