package dev.chatstore.storage.spi;

import java.util.List;

import static dev.chatstore.storage.spi.Access.READ;
import static dev.chatstore.storage.spi.Access.WRITE;
import static dev.chatstore.storage.spi.Route.CHAT;
import static dev.chatstore.storage.spi.Route.DEFAULT;

/**
 * Spam and ham samples for the spam filter (tables {@code spam_messages}, {@code ham_messages}). Part of
 * {@link ChatStore}; see there for the common contract.
 */
public interface SpamStore {
    /**
     * Records a spam sample; a sample with the same (chat, user, message) is replaced.
     *
     * @param spam non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void addSpamMessage(@ChatId SpamMessage spam);

    /**
     * Records a ham (not spam) sample; a sample with the same (chat, user, message) is replaced.
     *
     * @param ham non-null
     */
    @Operation(access = WRITE, route = CHAT)
    void addHamMessage(@ChatId SpamMessage ham);

    /** @return the user's spam samples in the chat, oldest first; unmodifiable, empty when none */
    @Operation(access = READ, route = CHAT)
    List<SpamMessage> getSpamMessagesByUserId(@ChatId long chatId, long userId);

    /** @return how many spam samples were removed */
    @Operation(access = WRITE, route = CHAT)
    int deleteSpamMessagesByUserId(@ChatId long chatId, long userId);

    /**
     * The newest spam samples of every chat of the source.
     *
     * @param limit positive
     * @return unmodifiable, newest first
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    @Operation(access = READ, route = DEFAULT)
    List<SpamMessage> getSpamMessages(int limit);

    /**
     * Spam samples whose text equals {@code text} exactly.
     *
     * @param text non-null
     * @return unmodifiable, oldest first
     */
    @Operation(access = READ, route = DEFAULT)
    List<SpamMessage> getSpamMessagesByText(String text);
}
