package dev.realtime.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.auth.model.KeyState;
import dev.realtime.auth.model.SigningKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    /** Advisory lock id serialising key creation across replicas: the ASCII bytes of "sigkey". */
    private static final long KEY_CREATION_LOCK = 0x7369676b6579L;

    /** The keys that are published and accepted, newest first: the first one signs. */
    @SuppressWarnings("unchecked")
    public List<SigningKey> active() {
        // native SQL: read at start, where the first HQL query would pay for the query parser (UserRepository)
        return getEntityManager()
                .createNativeQuery("select * from signing_key where state = :state order by created_at desc, kid",
                        SigningKey.class)
                .setParameter("state", KeyState.ACTIVE.name())
                .getResultList();
    }

    /**
     * Waits until no other transaction (of any replica) is creating a key, and holds that right until this
     * transaction ends. Two replicas starting at once thus create one key, not two.
     */
    public void lockKeyCreation() {
        getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(:lock)")
                .setParameter("lock", KEY_CREATION_LOCK)
                .getSingleResult();
    }
}
