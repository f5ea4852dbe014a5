package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.StorageClosedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.chatstore.storage.testkit.Samples.ALICE;
import static dev.chatstore.storage.testkit.Samples.CHAT;
import static dev.chatstore.storage.testkit.Samples.OTHER_CHAT;
import static dev.chatstore.storage.testkit.Samples.message;
import static dev.chatstore.storage.testkit.Samples.spam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * The behaviour every {@link ChatStore} must have: an abstract JUnit 5 suite that each backend's test extends.
 *
 * <pre>{@code
 * class SqliteChatStoreTest extends ChatStoreContract {
 *     @TempDir Path dir;
 *
 *     @Override
 *     protected ChatStore createStore() {
 *         return new SqliteStoreProvider().open(SourceConfig.of("test", dir.resolve("test.db").toString()));
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #createStore()} is called before every test and must return a fresh, empty, writable store; the suite
 * closes it after the test. The tests come from mixin interfaces with default {@code @Test} methods, one per
 * domain (messages, users, settings, chat info, media and tasks, spam, caches, text edge cases, timestamps,
 * concurrency), plus the lifecycle and argument tests declared here. Time-dependent tests call
 * {@link #letTimePass}, which sleeps (about 6 s over the whole suite); a backend whose clock the test controls
 * overrides {@link #clock()} and {@link #letTimePass} to advance it instead.
 *
 * <p><b>Coverage guard.</b> Every test reaches the store through {@link #store()}, a proxy that records which
 * operations were called (per concrete test class). {@link #everyOperationWasExercised} runs after all tests of
 * the class and fails it, and so the build, if any operation of {@link OperationDescriptor#all()} was never
 * called: adding an operation to the SPI without a contract test for it breaks every backend's build. The guard
 * only judges complete runs: when some contract test did not run (an IDE running one method, a filter), it passes.
 * Tests that call every operation reflectively (closed store, null arguments) use the unrecorded store, so they
 * do not count.
 *
 * <p><b>Thread safety.</b> One instance per test method, as JUnit creates them; the concurrency tests share the
 * store between their own threads only.
 */
@ExtendWith(BackendFailures.class)
public abstract class ChatStoreContract implements MessageContract, UserContract, SettingsContract,
        ChatInfoContract, MediaAndTaskContract, SpamContract, CacheContract, TextContract, TimestampContract,
        ConcurrencyContract {
    private static final Map<Class<?>, Set<String>> CALLED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Set<String>> TESTS_RUN = new ConcurrentHashMap<>();

    private ChatStore unrecorded;
    private ChatStore recorded;

    /**
     * A fresh, empty, writable store for one test; it is closed after the test.
     *
     * @throws Exception anything, failing the test
     */
    protected abstract ChatStore createStore() throws Exception;

    @BeforeEach
    final void openStoreUnderTest(TestInfo test) throws Exception {
        unrecorded = createStore();
        assertThat(unrecorded).as("createStore()").isNotNull();
        recorded = OperationRecorder.wrap(unrecorded,
                CALLED.computeIfAbsent(getClass(), c -> ConcurrentHashMap.newKeySet()));
        TESTS_RUN.computeIfAbsent(getClass(), c -> ConcurrentHashMap.newKeySet())
                .add(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    final void closeStoreUnderTest() {
        if (unrecorded != null) {
            unrecorded.close();
        }
    }

    /** Fails the test class when its tests left some operation uncalled; see the class javadoc. */
    @AfterAll
    static void everyOperationWasExercised(TestInfo testClass) {
        Class<?> concrete = testClass.getTestClass().orElseThrow();
        Set<String> ran = TESTS_RUN.getOrDefault(concrete, Set.of());
        List<String> contractTests = AnnotationSupport.findAnnotatedMethods(ChatStoreContract.class, Test.class,
                HierarchyTraversalMode.TOP_DOWN).stream().map(Method::getName).toList();
        if (!ran.containsAll(contractTests)) {
            return;
        }
        List<String> missing = OperationRecorder.missing(CALLED.getOrDefault(concrete, Set.of()));
        Set<String> failed = BackendFailures.FAILED.getOrDefault(concrete, Set.of());
        if (!failed.isEmpty()) {
            // Failing tests may stop before they reach an operation: the backend's failures come first.
            assertThat(missing).as("ChatStore operations %s were not reached because %d contract tests failed in "
                    + "%s (%s); fix the backend for those first", missing, failed.size(), concrete.getSimpleName(),
                    failed).isEmpty();
            return;
        }
        assertThat(missing)
                .as("ChatStore operations no contract test called; add a test for each to ChatStoreContract "
                        + "(the SPI has an operation the contract does not exercise yet)")
                .isEmpty();
    }

    /**
     * How failures name the backend under test: the test class and the store's own description. Override for a
     * friendlier name.
     */
    protected String backendDescription() {
        return getClass().getSimpleName() + " (" + (unrecorded == null ? "no store" : unrecorded.toString()) + ")";
    }

    /** The store under test, behind the recording proxy. */
    @Override
    public final ChatStore store() {
        return recorded;
    }

    /** The clock the store stamps rows with: the UTC system clock unless a subclass controls the store's time. */
    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Sleeps; a subclass that controls the store's clock advances it instead. */
    @Override
    public void letTimePass(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Test
    void closeIsIdempotentAndEveryOperationThenThrows() throws Exception {
        unrecorded.close();
        unrecorded.close();
        for (OperationDescriptor operation : OperationDescriptor.all()) {
            Method method = operation.method();
            assertThat(invoke(method, SampleArguments.of(method)))
                    .as("%s after close()", method.getName()).isInstanceOf(StorageClosedException.class);
        }
    }

    @Test
    void nullArgumentsAreRejectedByNameAndStoreNothing() throws Exception {
        for (OperationDescriptor operation : OperationDescriptor.all()) {
            Method method = operation.method();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i].getType().isPrimitive() || SampleArguments.isNullable(method, parameters[i])) {
                    continue;
                }
                assertThat(parameters[i].isNamePresent()).as("storage-api compiled with -parameters").isTrue();
                Object[] args = SampleArguments.of(method);
                args[i] = null;
                assertThat(invoke(method, args)).as("%s(%s = null)", method.getName(), parameters[i].getName())
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(parameters[i].getName() + " is null");
            }
        }
        assertThat(unrecorded.getChatMessages(CHAT, MessageQuery.all())).isEmpty();
        assertThat(unrecorded.getChatInfo(CHAT)).isEmpty();
        assertThat(unrecorded.getChatSettings(CHAT)).isEmpty();
        assertThat(unrecorded.getPendingDelayedTasks()).isEmpty();
        assertThat(unrecorded.getMediaAttachment("sample")).isEmpty();
        assertThat(unrecorded.getSpamMessages(10)).isEmpty();
        assertThat(unrecorded.getCacheStorage()).isEmpty();
        assertThat(unrecorded.getSettings()).doesNotContainKey("sample");
    }

    @Test
    void documentedNullableArgumentsAreAccepted() throws Exception {
        for (OperationDescriptor operation : OperationDescriptor.all()) {
            Method method = operation.method();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (SampleArguments.isNullable(method, parameters[i])) {
                    Object[] args = SampleArguments.of(method);
                    args[i] = null;
                    assertThat(invoke(method, args)).as("%s(%s = null)", method.getName(), parameters[i].getName())
                            .isNull();
                }
            }
        }
    }

    @Test
    void limitsBelowOneAreRejected() {
        for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> store().getChatMessagesByUser(CHAT, ALICE, limit))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().getChatUsers(CHAT, limit, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().getSpamMessages(limit)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyReturnedCollectionIsUnmodifiable() {
        ChatStore store = store();
        store.updateChatUser(CHAT, ALICE, "alice", "Alice");
        store.updateChatInfo(CHAT, ChatType.SUPERGROUP, "Group", "group", true);
        store.addChatMessage(message("1", 0).toBuilder().rootMessageId("1").build());
        store.setSetting("contract.key", "value");
        store.setChatSetting(CHAT, "key", "value");
        store.addUserData(ALICE, CHAT, "key", "value");
        store.updateChatTopicInfo(CHAT, 1, null, null, "Topic");
        store.addDelayedTask("task", "function", "{}", Samples.T0);
        store.addSpamMessage(spam(CHAT, ALICE, "1", "spam"));
        store.setCacheStorage("namespace", "key", "value");

        assertUnmodifiable("getChatMessages", store.getChatMessages(CHAT, MessageQuery.all()), false);
        assertUnmodifiable("getChatMessagesByRootId", store.getChatMessagesByRootId(CHAT, "1", null), false);
        assertUnmodifiable("getChatMessagesByUser", store.getChatMessagesByUser(CHAT, ALICE, 10), false);
        assertUnmodifiable("getChatUsers", store.getChatUsers(CHAT, 10, null), false);
        assertUnmodifiable("getUserChats", store.getUserChats(ALICE), false);
        assertUnmodifiable("getAllGroupChats", store.getAllGroupChats(), false);
        assertUnmodifiable("findChatsByUsername", store.findChatsByUsername("group"), false);
        assertUnmodifiable("getChatTopics", store.getChatTopics(CHAT), false);
        assertUnmodifiable("getPendingDelayedTasks", store.getPendingDelayedTasks(), false);
        assertUnmodifiable("getSpamMessagesByUserId", store.getSpamMessagesByUserId(CHAT, ALICE), false);
        assertUnmodifiable("getSpamMessages", store.getSpamMessages(10), false);
        assertUnmodifiable("getSpamMessagesByText", store.getSpamMessagesByText("spam"), false);
        assertUnmodifiable("getCacheStorage", store.getCacheStorage(), false);
        assertUnmodifiable("getSettings", store.getSettings(), false);
        assertUnmodifiable("getChatSettings", store.getChatSettings(CHAT), false);
        assertUnmodifiable("getUserData", store.getUserData(ALICE, CHAT), false);
        assertUnmodifiable("listChatsBySetting", store.listChatsBySetting("key"), false);
        assertUnmodifiable("an empty getChatMessages", store.getChatMessages(OTHER_CHAT, MessageQuery.all()), true);
        assertUnmodifiable("an empty getChatSettings", store.getChatSettings(OTHER_CHAT), true);
    }

    /** {@code add} is refused by every unmodifiable collection, even an empty one ({@code clear()} is not). */
    @SuppressWarnings("unchecked")
    private static void assertUnmodifiable(String operation, Collection<?> result, boolean empty) {
        assertThat(result.isEmpty()).as("%s is empty", operation).isEqualTo(empty);
        Throwable thrown = catchThrowable(() -> ((Collection<Object>) result).add(new Object()));
        if (!(thrown instanceof UnsupportedOperationException)) {
            fail("%s returned a modifiable collection (add threw %s)", operation, thrown);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertUnmodifiable(String operation, Map<?, ?> result, boolean empty) {
        assertThat(result.isEmpty()).as("%s is empty", operation).isEqualTo(empty);
        Throwable thrown = catchThrowable(() -> ((Map<Object, Object>) result).put(new Object(), new Object()));
        if (!(thrown instanceof UnsupportedOperationException)) {
            fail("%s returned a modifiable map (put threw %s)", operation, thrown);
        }
    }

    private Throwable invoke(Method method, Object[] args) throws IllegalAccessException {
        try {
            method.invoke(unrecorded, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
