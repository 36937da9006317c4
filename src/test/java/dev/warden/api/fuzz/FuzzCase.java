package dev.warden.api.fuzz;

import java.util.Optional;
import java.util.Set;

/**
 * One request to throw at Warden: its family (what kind of bad input), a label saying exactly what it is, the
 * operation of the contract it aims at (none for unknown paths and protocol garbage) and, where the answer is known
 * in advance, the statuses that are right.
 */
record FuzzCase(String family, String label, RawRequest request, Optional<Contract.Operation> operation,
        Set<Integer> expected) {

    static FuzzCase of(String family, String label, RawRequest request, Contract.Operation operation) {
        return new FuzzCase(family, label, request, Optional.ofNullable(operation), Set.of());
    }

    FuzzCase expecting(Integer... statuses) {
        return new FuzzCase(family, label, request, operation, Set.of(statuses));
    }

    @Override
    public String toString() {
        return family + " | " + request.method() + " " + abbreviate(request.target()) + " | " + abbreviate(label);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 160 ? printable : printable.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
