package dev.warden.work;

import java.time.Duration;
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
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The test-only handler of kind {@value #KIND}: each attempt does what the row's payload says for that attempt
 * ({@code {"steps": ["retry:503", "done"]}}, the last step repeating), and every call is recorded: when, on which
 * thread, whether another attempt at the same row was running, how many ran per destination at once.
 * <p>
 * Steps: {@code done}, {@code retry[:status]}, {@code retry-after:<ms>}, {@code stop[:status]}, {@code fail} (a
 * failed Uni), {@code throw} (attempt() throws), {@code hang} (never answers), {@code slow:<ms>} (done after ms).
 */
@ApplicationScoped
public class ScriptedWork implements WorkHandler {

    public static final String KIND = "test-script";

    /** One attempt as the handler saw it. */
    public record Call(int attempt, long startNanos, String thread, boolean onEventLoop) {
    }

    private final Map<UUID, List<Call>> calls = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> abandoned = new ConcurrentHashMap<>();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Set<UUID> overlapping = ConcurrentHashMap.newKeySet();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

    public static NewWork work(String destination, String... steps) {
        return new NewWork(KIND, destination, null, new JsonObject().put("steps", new JsonArray(List.of(steps))));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<AttemptResult> attempt(WorkItem item) {
        calls.computeIfAbsent(item.id(), id -> new CopyOnWriteArrayList<>()).add(new Call(item.attempt(),
                System.nanoTime(), Thread.currentThread().getName(), Vertx.currentContext() != null));
        if (!running.add(item.id())) {
            overlapping.add(item.id());
        }
        int now = inFlight.computeIfAbsent(item.destination(), d -> new AtomicInteger()).incrementAndGet();
        mostInFlight.computeIfAbsent(item.destination(), d -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        JsonArray steps = item.payload().getJsonArray("steps");
        String step = steps.getString(Math.min(item.attempt(), steps.size()) - 1);
        String[] parts = step.split(":", 2);
        Optional<Integer> status = parts.length > 1 && !parts[0].equals("slow") && !parts[0].equals("retry-after")
                ? Optional.of(Integer.valueOf(parts[1]))
                : Optional.empty();
        Uni<AttemptResult> result = switch (parts[0]) {
            case "done" -> Uni.createFrom().item(new AttemptResult.Done(Optional.of(200)));
            case "retry" -> Uni.createFrom().item(new AttemptResult.Retry(status, "scripted retry", Optional.empty()));
            case "retry-after" -> Uni.createFrom().item(new AttemptResult.Retry(Optional.of(429), "asked to wait",
                    Optional.of(Duration.ofMillis(Long.parseLong(parts[1])))));
            case "stop" -> Uni.createFrom().item(new AttemptResult.Stop(status, "scripted stop"));
            case "fail" -> Uni.createFrom().failure(new IllegalStateException("scripted failure"));
            case "throw" -> {
                ended(item);
                throw new IllegalArgumentException("scripted exception");
            }
            case "hang" -> Uni.createFrom().<AttemptResult>nothing()
                    .onCancellation().invoke(() -> cancelled.add(item.id()));
            case "slow" -> Uni.createFrom().<AttemptResult>item(new AttemptResult.Done(Optional.of(200)))
                    .onItem().delayIt().by(Duration.ofMillis(Long.parseLong(parts[1])));
            default -> throw new IllegalArgumentException("unknown step " + step);
        };
        return result.onTermination().invoke(() -> ended(item));
    }

    private void ended(WorkItem item) {
        running.remove(item.id());
        inFlight.get(item.destination()).decrementAndGet();
    }

    @Override
    public Uni<Void> abandoned(WorkItem item, String reason, boolean deadLettered) {
        abandoned.computeIfAbsent(item.id(), id -> new CopyOnWriteArrayList<>())
                .add((deadLettered ? "[dead] " : "[stopped] ") + reason);
        return Uni.createFrom().voidItem();
    }

    public List<Call> calls(UUID id) {
        return calls.getOrDefault(id, List.of());
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

    public boolean running(UUID id) {
        return running.contains(id);
    }

    public int mostInFlight(String destination) {
        return mostInFlight.getOrDefault(destination, new AtomicInteger()).get();
    }
}
