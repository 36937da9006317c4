package dev.warden.work;

/**
 * For handlers that write about a row's subject in their own tables: the SQL condition that is true only while the
 * attempt's lease still holds the row, so that an attempt that outlived its lease (another process took the row over)
 * changes nothing. Use it in the {@code where} clause of every such write, with {@link WorkItem#id()} and
 * {@link WorkItem#leaseToken()} as the parameters.
 */
public final class LeaseFence {

    private LeaseFence() {
    }

    /** {@code exists (…)} over the outbox row {@code $idParam} leased with token {@code $tokenParam}. */
    public static String holds(int idParam, int tokenParam) {
        return "exists (select 1 from outbox where id = $" + idParam + " and lease_token = $" + tokenParam
                + " and status = 'pending' and lease_until > now())";
    }
}
