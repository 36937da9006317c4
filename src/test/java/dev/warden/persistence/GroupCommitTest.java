package dev.warden.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Group commit on the real database: statements queued behind a batch in flight are committed in one transaction
 * (the rows share PostgreSQL's transaction id), each caller is answered after it, on its own Vert.x context, and one
 * caller's conflict fails only that caller.
 */
@QuarkusTest
class GroupCommitTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final String INSERT = "insert into group_commit_probe (id) values ($1)";
    /** Holds the only batch slot for half a second, so that everything sent meanwhile queues behind it. */
    private static final String SLOW_INSERT = "insert into group_commit_probe (id) select $1 from pg_sleep(0.5)";

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @BeforeEach
    void probeTable() throws SQLException {
        TestDatabase.update("create table if not exists group_commit_probe (id int primary key,"
                + " tx bigint not null default txid_current())");
        TestDatabase.update("truncate group_commit_probe");
    }

    @Test
    void writesQueuedBehindABatchInFlightAreCommittedTogetherAndAnsweredAfterTheCommit() throws Exception {
        GroupCommit groupCommit = new GroupCommit(pool, 1, 64);
        CompletableFuture<Void> holding = groupCommit.execute(SLOW_INSERT, Tuple.of(0)).subscribeAsCompletionStage();
        List<CompletableFuture<Void>> queued = IntStream.rangeClosed(1, 20)
                .mapToObj(id -> groupCommit.execute(INSERT, Tuple.of(id)).subscribeAsCompletionStage()).toList();

        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(holding).isCompleted();
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from group_commit_probe where id between 1 and 20"))
                .isEqualTo(20L);
        assertThat(TestDatabase.queryOne(Long.class,
                "select count(distinct tx) from group_commit_probe where id between 1 and 20")).isEqualTo(1L);
        assertThat(TestDatabase.queryOne(Long.class, "select count(distinct tx) from group_commit_probe"))
                .isEqualTo(2L);
    }

    @Test
    void aConflictInABatchFailsOnlyItsOwnCallerAndTheOthersAreCommitted() throws Exception {
        TestDatabase.update("insert into group_commit_probe (id) values (7)");
        GroupCommit groupCommit = new GroupCommit(pool, 1, 64);
        groupCommit.execute(SLOW_INSERT, Tuple.of(0)).subscribeAsCompletionStage();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            int own = id;
            writes.add(groupCommit.execute(INSERT, Tuple.of(id)).onFailure().invoke(failure -> failures.put(own, failure))
                    .onFailure().recoverWithNull().subscribeAsCompletionStage());
        }

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(failures).containsOnlyKeys(7);
        assertThat(failures.get(7)).isInstanceOfSatisfying(PgException.class,
                conflict -> assertThat(conflict.getSqlState()).isEqualTo("23505"));
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from group_commit_probe where id between 1 and 10"))
                .isEqualTo(10L);
    }

    @Test
    void aWriteWhoseCallerGaveUpWhileQueuedIsNeverSent() throws Exception {
        GroupCommit groupCommit = new GroupCommit(pool, 1, 64);
        CompletableFuture<Void> holding = groupCommit.execute(SLOW_INSERT, Tuple.of(0)).subscribeAsCompletionStage();
        CompletableFuture<Void> givenUp = groupCommit.execute(INSERT, Tuple.of(1)).subscribeAsCompletionStage();
        CompletableFuture<Void> kept = groupCommit.execute(INSERT, Tuple.of(2)).subscribeAsCompletionStage();

        givenUp.cancel(false);
        kept.get(30, TimeUnit.SECONDS);

        assertThat(holding).isCompleted();
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from group_commit_probe where id = 1"))
                .isEqualTo(0L);
        assertThat(TestDatabase.queryOne(Long.class, "select count(*) from group_commit_probe where id = 2"))
                .isEqualTo(1L);
    }

    @Test
    void aBatchFailingForAnotherReasonFailsEveryCallerWithThatFailureOnce() {
        GroupCommit groupCommit = new GroupCommit(pool, 1, 64);
        groupCommit.execute(SLOW_INSERT, Tuple.of(0)).subscribeAsCompletionStage();
        List<Uni<Void>> broken = IntStream.range(0, 5)
                .mapToObj(id -> groupCommit.execute("insert into no_such_table (id) values ($1)", Tuple.of(id)))
                .toList();

        for (Uni<Void> write : broken) {
            assertThatThrownBy(() -> write.await().atMost(GENEROUS)).isInstanceOfSatisfying(PgException.class,
                    missing -> assertThat(missing.getSqlState()).isEqualTo("42P01"));
        }
    }

    @Test
    void eachCallerIsAnsweredOnItsOwnVertxContext() {
        GroupCommit groupCommit = new GroupCommit(pool, 1, 64);
        groupCommit.execute(SLOW_INSERT, Tuple.of(0)).subscribeAsCompletionStage();
        Map<Context, Context> answeredOn = new ConcurrentHashMap<>();
        // Requests run on duplicated contexts, one each (the root context is the same for all of them).
        Context root = vertx.getOrCreateContext();
        List<Context> callers = IntStream.range(0, 3).mapToObj(i -> VertxContext.createNewDuplicatedContext(root))
                .toList();
        for (int i = 0; i < callers.size(); i++) {
            Context caller = callers.get(i);
            int id = i + 1;
            caller.runOnContext(ignored -> groupCommit.execute(INSERT, Tuple.of(id)).subscribe()
                    .with(done -> answeredOn.put(caller, Vertx.currentContext())));
        }

        await().atMost(GENEROUS).until(() -> answeredOn.size() == callers.size());
        answeredOn.forEach((caller, answered) -> assertThat(answered).isSameAs(caller));
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new GroupCommit(pool, 0, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> new GroupCommit(pool, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-batch");
    }
}
