package dev.realtime.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.realtime.platform.problem.ProblemException;

/** The account a verified access token is about. */
final class Subjects {

    private Subjects() {
    }

    /**
     * @throws ProblemException 404 for a token from a trusted issuer whose subject is not one of our accounts
     */
    static UUID userId(JsonWebToken token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("the account");
        }
    }
}
