package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.DelayedTask;
import dev.chatstore.storage.spi.DuplicateKeyException;
import dev.chatstore.storage.spi.MediaAttachment;
import dev.chatstore.storage.spi.MediaStatus;
import dev.chatstore.storage.spi.MediaUpdate;
import dev.chatstore.storage.spi.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.chatstore.storage.testkit.Samples.T0;
import static dev.chatstore.storage.testkit.Samples.assertStamped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract of {@link dev.chatstore.storage.spi.MediaStore} and {@link dev.chatstore.storage.spi.DelayedTaskStore}. */
interface MediaAndTaskContract extends StoreFixture {
    private static MediaAttachment photo() {
        return MediaAttachment.builder("AQADq7wxG", MessageType.IMAGE).fileId("AgACAgIAAxkBAAIB").fileSize(48213L)
                .metadata("{\"width\":1280,\"height\":720}").status(MediaStatus.NEW).mimeType("image/jpeg")
                .localUrl("file:///var/bot/media/AQADq7wxG.jpg").prompt("Describe the image").description(null)
                .build();
    }

    @Test
    default void aMediaAttachmentReadsBackWithStoreSetTimestamps() {
        MediaAttachment given = photo();
        MediaAttachment withForeignTimes = new MediaAttachment(given.fileUniqueId(), given.fileId(), given.fileSize(),
                given.mediaType(), given.metadata(), given.status(), given.mimeType(), given.localUrl(),
                given.prompt(), given.description(), Instant.EPOCH, Instant.EPOCH);
        Instant before = clock().instant();
        store().addMediaAttachment(withForeignTimes);
        Instant after = clock().instant();

        MediaAttachment stored = store().getMediaAttachment("AQADq7wxG").orElseThrow();
        assertStamped(stored.createdAt(), before, after);
        assertThat(stored.updatedAt()).isEqualTo(stored.createdAt());
        assertThat(stored).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(given);
        assertThat(store().getMediaAttachment("aqadq7wxg")).as("keys are case-sensitive").isEmpty();
    }

    @Test
    default void aDuplicateFileUniqueIdIsRefusedAndChangesNothing() {
        store().addMediaAttachment(photo());

        assertThatThrownBy(() -> store().addMediaAttachment(
                MediaAttachment.builder("AQADq7wxG", MessageType.VIDEO).fileId("other").build()))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("AQADq7wxG");
        assertThat(store().getMediaAttachment("AQADq7wxG")).get()
                .extracting(MediaAttachment::mediaType, MediaAttachment::fileId)
                .containsExactly(MessageType.IMAGE, "AgACAgIAAxkBAAIB");
    }

    @Test
    default void anUpdateChangesOnlyTheGivenFields() {
        store().addMediaAttachment(photo());
        MediaAttachment before = store().getMediaAttachment("AQADq7wxG").orElseThrow();

        assertThat(store().updateMediaAttachment("AQADq7wxG", MediaUpdate.builder().status(MediaStatus.DONE)
                .description("A cat on a keyboard").build())).isTrue();
        MediaAttachment after = store().getMediaAttachment("AQADq7wxG").orElseThrow();
        assertThat(after.status()).isEqualTo(MediaStatus.DONE);
        assertThat(after.description()).isEqualTo("A cat on a keyboard");
        assertThat(after).usingRecursiveComparison().ignoringFields("status", "description", "updatedAt")
                .isEqualTo(before);
        assertThat(store().updateMediaAttachment("AQADq7wxG", MediaUpdate.builder().build())).isTrue();
        assertThat(store().getMediaAttachment("AQADq7wxG")).get()
                .usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(after);
        assertThat(store().updateMediaAttachment("missing", MediaUpdate.builder().status(MediaStatus.FAILED).build()))
                .isFalse();
        assertThat(store().getMediaAttachment("missing")).isEmpty();
    }

    @Test
    default void pendingTasksAreDueFirstThenById() {
        store().addDelayedTask("task-b", "send_reminder", "{\"chat\":1}", T0.plusSeconds(60));
        store().addDelayedTask("task-a", "send_reminder", "{\"chat\":2}", T0.plusSeconds(60).plusMillis(700));
        store().addDelayedTask("task-c", "unban", "{}", T0);
        store().addDelayedTask("task-d", "summarise", "{\"topic\":null}", T0.plusSeconds(120));

        assertThat(store().getPendingDelayedTasks()).extracting(DelayedTask::id)
                .containsExactly("task-c", "task-a", "task-b", "task-d");
        DelayedTask a = store().getPendingDelayedTasks().get(1);
        assertThat(a.delayedTs()).as("epoch seconds").isEqualTo(T0.plusSeconds(60));
        assertThat(a.function()).isEqualTo("send_reminder");
        assertThat(a.kwargs()).isEqualTo("{\"chat\":2}");
        assertThat(a.isDone()).isFalse();
    }

    @Test
    default void aDoneTaskIsNoLongerPending() {
        Instant before = clock().instant();
        store().addDelayedTask("task-1", "f", "{}", T0);
        store().addDelayedTask("task-2", "f", "{}", T0.plusSeconds(1));
        Instant after = clock().instant();
        assertStamped(store().getPendingDelayedTasks().get(0).createdAt(), before, after);

        assertThat(store().updateDelayedTask("task-1", true)).isTrue();
        assertThat(store().getPendingDelayedTasks()).extracting(DelayedTask::id).containsExactly("task-2");
        assertThat(store().updateDelayedTask("task-1", false)).isTrue();
        assertThat(store().getPendingDelayedTasks()).extracting(DelayedTask::id).containsExactly("task-1", "task-2");
        assertThat(store().updateDelayedTask("task-3", true)).isFalse();
        assertThat(store().getPendingDelayedTasks()).hasSize(2);
    }

    @Test
    default void aDuplicateTaskIdIsRefusedAndChangesNothing() {
        store().addDelayedTask("task-1", "first", "{}", T0);

        assertThatThrownBy(() -> store().addDelayedTask("task-1", "second", "{\"x\":1}", T0.plusSeconds(5)))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("task-1");
        assertThat(store().getPendingDelayedTasks()).singleElement()
                .extracting(DelayedTask::function, DelayedTask::delayedTs).containsExactly("first", T0);
    }
}
