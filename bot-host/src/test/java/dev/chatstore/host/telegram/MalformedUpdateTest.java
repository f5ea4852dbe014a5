package dev.chatstore.host.telegram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.chatstore.host.telegram.TelegramUpdateMapperTest.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each malformed variant fails with a {@link MalformedUpdateException} naming the field and what was expected. */
class MalformedUpdateTest {
    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object        | [1, 2]                                                                                                   | update                  | expected a JSON object, found an array
            a string             | "hello"                                                                                                  | update                  | expected a JSON object, found string "hello"
            no update_id         | {"message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}}}                      | update_id               | expected an integer, found nothing (the field is missing)
            update_id as string  | {"update_id": "7", "message": {}}                                                                      | update_id               | expected an integer within the 64-bit range, found string "7"
            message not object   | {"update_id": 1, "message": "hi"}                                                                      | message                 | expected a JSON object, found string "hi"
            no chat              | {"update_id": 1, "message": {"message_id": 1, "date": 1}}                                              | message.chat            | expected a JSON object, found nothing (the field is missing)
            no date              | {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"}}}                 | message.date            | expected an integer, found nothing (the field is missing)
            null date            | {"update_id": 1, "message": {"message_id": 1, "date": null, "chat": {"id": 1, "type": "private"}}}   | message.date            | expected an integer, found null
            no message_id        | {"update_id": 1, "edited_message": {"date": 1, "chat": {"id": 1, "type": "private"}}}                | edited_message.message_id | expected an integer, found nothing (the field is missing)
            chat id abc          | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": "abc", "type": "group"}}}    | message.chat.id         | expected an integer within the 64-bit range, found string "abc"
            chat id beyond long  | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": -100123456789012345678901, "type": "group"}}} | message.chat.id | expected an integer within the 64-bit range, found integer -100123456789012345678901
            chat id fraction     | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1.5, "type": "group"}}}      | message.chat.id         | expected an integer within the 64-bit range, found number 1.5
            chat type unknown    | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "forum"}}}        | message.chat.type       | expected one of private, group, supergroup, channel, found string "forum"
            from id string       | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "from": {"id": "x"}}} | message.from.id | expected an integer within the 64-bit range, found string "x"
            text not a string    | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "text": 42}} | message.text   | expected a string, found integer 42
            date out of range    | {"update_id": 1, "channel_post": {"message_id": 1, "date": 9223372036854775807, "chat": {"id": -1, "type": "channel"}}} | channel_post.date | expected Unix time in seconds, found integer 9223372036854775807
            photo empty          | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "photo": []}} | message.photo | expected a non-empty array of PhotoSize, found an array
            sticker no unique id | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "sticker": {"file_id": "F"}}} | message.sticker.file_unique_id | expected a string, found nothing (the field is missing)
            reply without id     | {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "reply_to_message": {"text": "x"}}} | message.reply_to_message.message_id | expected an integer, found nothing (the field is missing)
            """)
    void namesTheFieldAndWhatWasExpected(String variant, String update, String field, String expectation) {
        assertThatThrownBy(() -> mapper.map(json(update)))
                .isInstanceOf(MalformedUpdateException.class)
                .hasMessage("field '%s': %s", field, expectation)
                .extracting(e -> ((MalformedUpdateException) e).field()).isEqualTo(field);
    }

    @Test
    void nullInputIsMalformed() {
        assertThatThrownBy(() -> mapper.map(null))
                .isInstanceOf(MalformedUpdateException.class)
                .hasMessage("field 'update': expected a JSON object, found nothing (the field is missing)");
    }
}
