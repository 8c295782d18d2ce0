package dev.realtime.platform.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.realtime.platform.inbox.InboxRepository;

/**
 * Creates a client may send again without creating twice: a {@code POST} that carries an {@code Idempotency-Key}
 * creates its resource the first time and, sent again with the same key by the same caller, answers with that
 * same resource.
 * <p>
 * The created resource's id is derived from scope, owner and key, so a retry finds it without storing more. The
 * key is also written to the service's inbox (consumer {@code idempotency:<scope>}, id {@code <owner> <key>}) in
 * the transaction of the create, only so that two concurrent creates with one key are serialised by its primary
 * key: the second waits for the first and then finds its resource. A create that rolls back leaves nothing.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The request header, as documented for every create that takes one. */
    public static final String HEADER = "Idempotency-Key";
    /** What a key may be: 1 to 200 visible ASCII characters (a UUID is the usual choice). */
    public static final String PATTERN = "^[\\x21-\\x7E]{1,200}$";

    private final InboxRepository inbox;

    @Inject
    public IdempotencyKeys(InboxRepository inbox) {
        this.inbox = inbox;
    }

    /**
     * Creates a resource once per key of this owner.
     *
     * @param scope   what is created, for example {@code booking}
     * @param owner   who creates it (the JWT subject)
     * @param key     the request's key, or null: then every call creates, with a fresh id
     * @param earlier finds the resource of an id, if it exists
     * @param create  creates the resource with the given id (and publishes its event)
     * @return the resource the key's first call created, or the one created now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T createOnce(String scope, String owner, String key, Function<UUID, Optional<T>> earlier,
            Function<UUID, T> create) {
        if (key == null) {
            return create.apply(UUID.randomUUID());
        }
        UUID id = UUID.nameUUIDFromBytes((scope + '\n' + owner + '\n' + key).getBytes(StandardCharsets.UTF_8));
        // waits for a concurrent create with the same key to end, so that its resource is visible below
        inbox.recordFirstDelivery("idempotency:" + scope, owner + " " + key, Instant.now());
        // looked up even when the key is new to the inbox: it may have been pruned since its create
        return earlier.apply(id).orElseGet(() -> create.apply(id));
    }
}
