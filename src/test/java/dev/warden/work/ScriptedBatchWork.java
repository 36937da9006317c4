package dev.warden.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The test-only batching handler of kind {@value #KIND}: groups as big as a test set for a destination
 * ({@link #group}; one row elsewhere), each row answering what its payload says for that attempt
 * ({@code {"steps": ["retry:503", "done"]}}, the last step repeating), and every group recorded: its rows, when it
 * started, whether one of its rows was in another group in flight, how many groups and rows ran per destination
 * at once.
 * <p>
 * Row steps: {@code done}, {@code retry[:status]}, {@code stop[:status]}, {@code slow:<ms>} (done after ms, the
 * group waits for its slowest row). Group steps, taken when any row of the group says so: {@code hang} (the group
 * never answers), {@code fail} (a failed Uni), {@code short} (one result fewer than rows; the row itself done).
 */
@ApplicationScoped
public class ScriptedBatchWork implements WorkHandler {

    public static final String KIND = "test-batch";

    /** One attempt at a group as the handler saw it. */
    public record Group(List<UUID> rows, Instant startedAt) {
    }

    private record Grouping(int limit, Duration linger) {
    }

    private final Map<String, Grouping> groupings = new ConcurrentHashMap<>();
    private final Map<String, List<Group>> groups = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> groupsOfRow = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> abandoned = new ConcurrentHashMap<>();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Set<UUID> overlapping = ConcurrentHashMap.newKeySet();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> groupsInFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostGroupsInFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rowsInFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostRowsInFlight = new ConcurrentHashMap<>();

    public static NewWork work(String destination, String... steps) {
        return new NewWork(KIND, destination, null, new JsonObject().put("steps", new JsonArray(List.of(steps))));
    }

    /** Rows at {@code destination} go in groups of up to {@code limit}; a smaller group waits {@code linger}. */
    public void group(String destination, int limit, Duration linger) {
        groupings.put(destination, new Grouping(limit, linger));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public int batchLimit(String destination) {
        return groupings.getOrDefault(destination, new Grouping(1, Duration.ZERO)).limit();
    }

    @Override
    public Duration batchLinger(String destination) {
        return groupings.getOrDefault(destination, new Grouping(1, Duration.ZERO)).linger();
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        return Uni.createFrom().failure(new IllegalStateException("a batching handler gets every row as a group"));
    }

    @Override
    public Uni<List<AttemptResult>> attemptBatch(List<WorkItem> items) {
        String destination = items.get(0).destination();
        List<UUID> ids = items.stream().map(WorkItem::id).toList();
        groups.computeIfAbsent(destination, d -> new CopyOnWriteArrayList<>()).add(new Group(ids, Instant.now()));
        ids.forEach(id -> {
            groupsOfRow.computeIfAbsent(id, row -> new AtomicInteger()).incrementAndGet();
            if (!running.add(id)) {
                overlapping.add(id);
            }
        });
        mostOf(mostGroupsInFlight, destination, counter(groupsInFlight, destination).incrementAndGet());
        mostOf(mostRowsInFlight, destination, counter(rowsInFlight, destination).addAndGet(items.size()));
        List<String> steps = items.stream().map(ScriptedBatchWork::step).toList();
        Uni<List<AttemptResult>> answer;
        if (steps.contains("hang")) {
            answer = Uni.createFrom().<List<AttemptResult>>nothing().onCancellation().invoke(() -> cancelled.addAll(ids));
        } else if (steps.contains("fail")) {
            answer = Uni.createFrom().failure(new IllegalStateException("scripted group failure"));
        } else {
            List<AttemptResult> results = new ArrayList<>();
            long slowest = 0;
            for (String step : steps) {
                String[] parts = step.split(":", 2);
                Optional<Integer> status = parts.length > 1 && !parts[0].equals("slow")
                        ? Optional.of(Integer.valueOf(parts[1]))
                        : Optional.empty();
                slowest = parts[0].equals("slow") ? Math.max(slowest, Long.parseLong(parts[1])) : slowest;
                results.add(switch (parts[0]) {
                    case "done", "slow", "short" -> new AttemptResult.Done(Optional.of(200));
                    case "retry" -> new AttemptResult.Retry(status, "scripted retry", Optional.empty());
                    case "stop" -> new AttemptResult.Stop(status, "scripted stop");
                    default -> throw new IllegalArgumentException("unknown step " + step);
                });
            }
            List<AttemptResult> answered = steps.contains("short") ? results.subList(0, results.size() - 1) : results;
            answer = Uni.createFrom().item(answered);
            if (slowest > 0) {
                answer = answer.onItem().delayIt().by(Duration.ofMillis(slowest));
            }
        }
        return answer.onTermination().invoke(() -> {
            running.removeAll(ids);
            groupsInFlight.get(destination).decrementAndGet();
            rowsInFlight.get(destination).addAndGet(-items.size());
        });
    }

    private static String step(WorkItem item) {
        JsonArray steps = item.payload().getJsonArray("steps");
        return steps.getString(Math.min(item.attempt(), steps.size()) - 1);
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String destination) {
        return counters.computeIfAbsent(destination, d -> new AtomicInteger());
    }

    private static void mostOf(Map<String, AtomicInteger> most, String destination, int now) {
        counter(most, destination).accumulateAndGet(now, Math::max);
    }

    @Override
    public Uni<Void> abandoned(WorkItem item, String reason) {
        abandoned.computeIfAbsent(item.id(), id -> new CopyOnWriteArrayList<>()).add(reason);
        return Uni.createFrom().voidItem();
    }

    /** Every group attempted at {@code destination}, in the order they started. */
    public List<Group> groups(String destination) {
        return groups.getOrDefault(destination, List.of());
    }

    /** In how many group attempts the row was. */
    public int groupsOf(UUID id) {
        return groupsOfRow.getOrDefault(id, new AtomicInteger()).get();
    }

    public List<String> abandonedReasons(UUID id) {
        return abandoned.getOrDefault(id, List.of());
    }

    public boolean overlapped(UUID id) {
        return overlapping.contains(id);
    }

    public boolean cancelled(UUID id) {
        return cancelled.contains(id);
    }

    public int mostGroupsInFlight(String destination) {
        return counter(mostGroupsInFlight, destination).get();
    }

    public int mostRowsInFlight(String destination) {
        return counter(mostRowsInFlight, destination).get();
    }
}
