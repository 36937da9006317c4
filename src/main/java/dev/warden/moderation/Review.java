package dev.warden.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.warden.spi.Category;

/**
 * A moderation's human review at a desk ({@code warden.partners.<id>}, type {@code review}): requested when the
 * policy's decision was {@code review}; completed once, with the reviewer's decision, the categories they confirmed,
 * who they are and a note.
 */
public record Review(String partner, Status status, Optional<Decision> decision, List<Category> categories,
        Optional<String> reviewer, Optional<String> note, Instant requestedAt, Optional<Instant> completedAt) {

    public Review {
        categories = List.copyOf(categories);
    }

    static Review requested(String partner, Instant requestedAt) {
        return new Review(partner, Status.REQUESTED, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                requestedAt, Optional.empty());
    }

    Review completed(HumanDecision human, Instant at) {
        return new Review(partner, Status.COMPLETED, Optional.of(human.decision()), human.categories(),
                human.reviewer(), human.note(), requestedAt, Optional.of(at));
    }

    public enum Status {
        REQUESTED,
        COMPLETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
