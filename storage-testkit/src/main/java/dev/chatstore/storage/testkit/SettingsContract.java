package dev.chatstore.storage.testkit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.BOB;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.KEYS_IN_ORDER;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.PRIVATE_CHAT;
import static dev.chatstore.storage.testkit.Samples.reversed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Contract of the key/value stores: {@link dev.chatstore.storage.spi.SettingsStore},
 * {@link dev.chatstore.storage.spi.ChatSettingsStore} and {@link dev.chatstore.storage.spi.UserDataStore}.
 * A backend may keep its own rows in {@code settings} (schema bookkeeping), so those tests look only at their keys.
 */
interface SettingsContract extends StoreFixture {
    @Test
    default void aSettingIsStoredReplacedAndListed() {
        store().setSetting("contract.greeting", "hello");
        store().setSetting("contract.greeting", "hi");
        store().setSetting("contract.empty", "");

        assertThat(store().getSetting("contract.greeting")).hasValue("hi");
        assertThat(store().getSetting("contract.empty")).hasValue("");
        assertThat(store().getSetting("contract.absent")).isEmpty();
        assertThat(store().getSettings()).contains(entry("contract.greeting", "hi"), entry("contract.empty", ""))
                .doesNotContainKey("contract.absent");
    }

    @Test
    default void settingsAreOrderedByKeyInCodePointOrder() {
        for (String key : reversed(KEYS_IN_ORDER)) {
            store().setSetting("contract." + key, key);
        }
        assertThat(store().getSettings().keySet()).filteredOn(key -> key.startsWith("contract."))
                .containsExactlyElementsOf(KEYS_IN_ORDER.stream().map(key -> "contract." + key).toList());
    }

    @Test
    default void chatSettingsAreSetReplacedUnsetAndClearedPerChat() {
        for (String key : reversed(KEYS_IN_ORDER)) {
            store().setChatSetting(CHAT, key, "value of " + key);
        }
        store().setChatSetting(CHAT, "beta", "replaced");
        store().setChatSetting(OTHER_CHAT, "beta", "other chat");
        Map<String, String> snapshot = store().getChatSettings(CHAT);

        assertThat(store().getChatSetting(CHAT, "beta")).hasValue("replaced");
        assertThat(store().getChatSetting(CHAT, "gamma")).isEmpty();
        assertThat(store().getChatSettings(CHAT).keySet()).containsExactlyElementsOf(KEYS_IN_ORDER);
        assertThat(store().unsetChatSetting(CHAT, "beta")).isTrue();
        assertThat(store().unsetChatSetting(CHAT, "beta")).isFalse();
        assertThat(store().getChatSetting(CHAT, "beta")).isEmpty();
        assertThat(snapshot).as("a result is a snapshot").containsEntry("beta", "replaced");
        assertThat(store().clearChatSettings(CHAT)).isEqualTo(KEYS_IN_ORDER.size() - 1);
        assertThat(store().getChatSettings(CHAT)).isEmpty();
        assertThat(store().clearChatSettings(CHAT)).isZero();
        assertThat(store().getChatSettings(OTHER_CHAT)).containsExactly(entry("beta", "other chat"));
    }

    @Test
    default void chatsWithASettingAreMappedByChatIdAscending() {
        store().setChatSetting(PRIVATE_CHAT, "language", "en");
        store().setChatSetting(CHAT, "language", "ru");
        store().setChatSetting(OTHER_CHAT, "language", "he");
        store().setChatSetting(-1001111111111L, "timezone", "UTC");

        assertThat(store().listChatsBySetting("language"))
                .containsExactly(entry(OTHER_CHAT, "he"), entry(CHAT, "ru"), entry(PRIVATE_CHAT, "en"));
        store().unsetChatSetting(CHAT, "language");
        assertThat(store().listChatsBySetting("language").keySet()).containsExactly(OTHER_CHAT, PRIVATE_CHAT);
        assertThat(store().listChatsBySetting("absent")).isEmpty();
    }

    @Test
    default void userDataIsKeptPerUserAndChat() {
        for (String key : reversed(KEYS_IN_ORDER)) {
            store().addUserData(ALICE, CHAT, key, "data of " + key);
        }
        store().addUserData(ALICE, CHAT, "alpha", "{\"replaced\":true}");
        store().addUserData(ALICE, OTHER_CHAT, "alpha", "other chat");
        store().addUserData(BOB, CHAT, "alpha", "bob");

        assertThat(store().getUserData(ALICE, CHAT).keySet()).containsExactlyElementsOf(KEYS_IN_ORDER);
        assertThat(store().getUserData(ALICE, CHAT)).containsEntry("alpha", "{\"replaced\":true}");
        assertThat(store().deleteUserData(ALICE, CHAT, "alpha")).isTrue();
        assertThat(store().deleteUserData(ALICE, CHAT, "alpha")).isFalse();
        assertThat(store().getUserData(ALICE, CHAT)).doesNotContainKey("alpha").hasSize(KEYS_IN_ORDER.size() - 1);
        assertThat(store().clearUserData(ALICE, CHAT)).isEqualTo(KEYS_IN_ORDER.size() - 1);
        assertThat(store().getUserData(ALICE, CHAT)).isEmpty();
        assertThat(store().clearUserData(ALICE, CHAT)).isZero();
        assertThat(store().getUserData(ALICE, OTHER_CHAT)).containsExactly(entry("alpha", "other chat"));
        assertThat(store().getUserData(BOB, CHAT)).containsExactly(entry("alpha", "bob"));
    }
}
