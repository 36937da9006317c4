package dev.warden.work;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** The {@link WorkHandler} of each kind of work, found among the CDI beans; two handlers of one kind fail start-up. */
@ApplicationScoped
class WorkHandlers {

    private final Map<String, WorkHandler> byKind = new TreeMap<>();

    WorkHandlers(@Any Instance<WorkHandler> handlers) {
        for (WorkHandler handler : handlers) {
            WorkHandler other = byKind.putIfAbsent(handler.kind(), handler);
            if (other != null) {
                throw new IllegalStateException("Two work handlers for kind '" + handler.kind() + "': "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    Optional<WorkHandler> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The handlers whose rows may go in groups ({@link WorkHandler#batches()}). */
    List<WorkHandler> batching() {
        return byKind.values().stream().filter(WorkHandler::batches).toList();
    }

    /** For the error of a row no handler knows. */
    String known() {
        return String.join(", ", byKind.keySet());
    }
}
