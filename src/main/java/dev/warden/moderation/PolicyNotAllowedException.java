package dev.warden.moderation;

import java.util.Set;
import java.util.TreeSet;

/** The client asked for a policy that {@code warden.clients.<name>.policies} does not give it. */
public class PolicyNotAllowedException extends RuntimeException {

    public PolicyNotAllowedException(String policy, Set<String> allowed) {
        super("This client may not use policy '" + policy + "'; its policies: " + String.join(", ",
                new TreeSet<>(allowed)), null, false, false);
    }
}
