package dev.realtime.auth.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.realtime.auth.model.RefreshToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /**
     * The token with this hash, its row locked until the transaction ends: of two requests presenting the same
     * token at once, the second sees it used and is treated as reuse.
     */
    public Optional<RefreshToken> lockByHash(String tokenHash) {
        return findByIdOptional(tokenHash, LockModeType.PESSIMISTIC_WRITE);
    }
}
