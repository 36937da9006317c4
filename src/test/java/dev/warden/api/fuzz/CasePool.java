package dev.warden.api.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Every case for every operation of the contract, in a seeded order that covers first: one case of each (family,
 * operation) pair before any second one, so even a run the time budget cuts short has thrown every kind of bad input
 * at every operation; the rest follow shuffled.
 */
final class CasePool {

    private final List<FuzzCase> ordered;
    private final int buckets;

    private CasePool(List<FuzzCase> ordered, int buckets) {
        this.ordered = ordered;
        this.buckets = buckets;
    }

    static CasePool of(Contract contract, BaseRequests base, String anyKey, Random random) {
        Map<String, List<FuzzCase>> byBucket = new LinkedHashMap<>();
        BodyCases bodies = new BodyCases(contract, base);
        HeaderCases headers = new HeaderCases(base, anyKey);
        RequestCases requests = new RequestCases(base);
        for (Contract.Operation operation : contract.operations()) {
            add(byBucket, bodies.of(operation));
            add(byBucket, headers.of(operation));
            add(byBucket, requests.pathValues(operation));
            add(byBucket, requests.queries(operation));
            add(byBucket, requests.protocol(operation));
        }
        Contract.Operation first = contract.operations().get(0);
        for (Map.Entry<String, Set<String>> path : contract.methodsByPath().entrySet()) {
            Contract.Operation representative = contract.operations().stream()
                    .filter(operation -> operation.path().equals(path.getKey())).findFirst().orElseThrow();
            add(byBucket, requests.methods(path.getKey(), path.getValue(), representative));
        }
        add(byBucket, requests.unknownPaths(first));

        List<List<FuzzCase>> shuffled = new ArrayList<>();
        for (List<FuzzCase> bucket : byBucket.values()) {
            List<FuzzCase> copy = new ArrayList<>(bucket);
            Collections.shuffle(copy, random);
            shuffled.add(copy);
        }
        Collections.shuffle(shuffled, random);
        List<FuzzCase> ordered = new ArrayList<>();
        List<FuzzCase> rest = new ArrayList<>();
        for (List<FuzzCase> bucket : shuffled) {
            ordered.add(bucket.get(0));
            rest.addAll(bucket.subList(1, bucket.size()));
        }
        Collections.shuffle(rest, random);
        ordered.addAll(rest);
        return new CasePool(ordered, shuffled.size());
    }

    private static void add(Map<String, List<FuzzCase>> byBucket, List<FuzzCase> cases) {
        for (FuzzCase fuzzCase : cases) {
            String bucket = fuzzCase.family() + " " + fuzzCase.operation().map(Object::toString)
                    .orElse(fuzzCase.request().method());
            byBucket.computeIfAbsent(bucket, key -> new ArrayList<>()).add(fuzzCase);
        }
    }

    List<FuzzCase> cases() {
        return ordered;
    }

    /** How many (family, operation) pairs there are: the first this many cases cover each once. */
    int buckets() {
        return buckets;
    }
}
