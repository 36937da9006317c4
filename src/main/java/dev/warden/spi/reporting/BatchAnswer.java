package dev.warden.spi.reporting;

import java.util.Map;
import java.util.Set;

/** What a batch partner did with one {@link BatchReportingAdapter#submit} call. */
public sealed interface BatchAnswer {

    Exchange exchange();

    /** Every item stored; the partner's references per item key (DSA: {@code uuid}, {@code permalink}). */
    record Accepted(Exchange exchange, Map<String, Map<String, String>> refsByKey) implements BatchAnswer {
        public Accepted {
            refsByKey = Map.copyOf(refsByKey);
        }
    }

    /**
     * Nothing stored: the partner named these items (by index in the call, from 0) as invalid, each with its
     * message. The others were refused only because the call was all-or-nothing.
     */
    record ItemsInvalid(Exchange exchange, Map<Integer, String> messageByIndex) implements BatchAnswer {
        public ItemsInvalid {
            messageByIndex = Map.copyOf(messageByIndex);
        }
    }

    /**
     * Nothing stored: these keys already exist at the partner, or are being stored by a concurrent call. The others
     * were refused only because the call was all-or-nothing.
     */
    record Duplicates(Exchange exchange, Set<String> keys) implements BatchAnswer {
        public Duplicates {
            keys = Set.copyOf(keys);
        }
    }

    /** Nothing stored, and the answer names no item: the core splits the batch to find the bad ones. */
    record Rejected(Exchange exchange) implements BatchAnswer {
    }
}
