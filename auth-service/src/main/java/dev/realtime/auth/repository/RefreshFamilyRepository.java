package dev.realtime.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.auth.model.RefreshFamily;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RefreshFamilyRepository implements PanacheRepositoryBase<RefreshFamily, UUID> {

    /** Ends this session if it is still open; returns whether it was. */
    public boolean revoke(UUID familyId, String reason, Instant now) {
        return update("revokedAt = ?1, revokedReason = ?2 where id = ?3 and revokedAt is null", now, reason,
                familyId) > 0;
    }

    /** Ends every open session of the user except {@code keep} (null: every one); returns how many. */
    public int revokeAllOf(UUID userId, UUID keep, String reason, Instant now) {
        if (keep == null) {
            return update("revokedAt = ?1, revokedReason = ?2 where userId = ?3 and revokedAt is null", now, reason,
                    userId);
        }
        return update("revokedAt = ?1, revokedReason = ?2 where userId = ?3 and revokedAt is null and id <> ?4",
                now, reason, userId, keep);
    }
}
