package dev.warden.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.warden.api.problems.FieldProblem;
import dev.warden.api.problems.ProblemException;
import dev.warden.work.DeliveryCursor;

/** The parameters the admin listings share (ids, {@code limit}, {@code cursor}), read the same way everywhere. */
final class PageParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The canonical form only: {@code UUID.fromString} also takes shortened groups such as {@code 1-1-1-1-1}. */
    private static final Pattern UUID_TEXT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private PageParameters() {
    }

    /** The page size {@code limit} asks for, {@link #DEFAULT_LIMIT} when absent; a problem added when invalid. */
    static int limit(List<FieldProblem> problems, String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int pageSize = DIGITS.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        return pageSize;
    }

    /** Where the previous page ended, if {@code cursor} is given; a problem added when it is not one of ours. */
    static Optional<DeliveryCursor> cursor(List<FieldProblem> problems, String cursor) {
        Optional<DeliveryCursor> after = Optional.ofNullable(cursor).flatMap(DeliveryCursor::decode);
        if (cursor != null && after.isEmpty()) {
            problems.add(new FieldProblem("cursor", "must be the 'next' value of a previous page"));
        }
        return after;
    }

    static UUID uuid(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw ProblemException.invalid(List.of(new FieldProblem("id", "must be a UUID")));
        }
        return UUID.fromString(id);
    }
}
