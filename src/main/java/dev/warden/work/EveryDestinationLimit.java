package dev.warden.work;

import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Every {@link DestinationLimits} bean as one: the lowest limit any of them sets, and every destination they know,
 * sorted, so that the worker hands out free slots in the same order each round.
 */
final class EveryDestinationLimit implements DestinationLimits {

    private final List<DestinationLimits> limits;
    private final SortedSet<String> destinations;

    EveryDestinationLimit(Iterable<DestinationLimits> limits) {
        this.limits = StreamSupport.stream(limits.spliterator(), false).toList();
        SortedSet<String> known = new TreeSet<>();
        this.limits.forEach(limit -> known.addAll(limit.destinations()));
        this.destinations = Collections.unmodifiableSortedSet(known);
    }

    @Override
    public OptionalInt concurrency(String destination) {
        return limits.stream().map(limit -> limit.concurrency(destination)).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).min();
    }

    @Override
    public Set<String> destinations() {
        return destinations;
    }
}
