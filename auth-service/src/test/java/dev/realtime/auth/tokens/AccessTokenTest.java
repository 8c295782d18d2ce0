package dev.realtime.auth.tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.auth.service.SigningKeys;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/** The tokens, checked the way every other service checks them: against the JWKS served over HTTP. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class AccessTokenTest {

    @Inject
    SigningKeys keys;

    @Test
    void jwksPublishesRsaSignatureKeysAndMayBeCached() throws Exception {
        ExtractableResponse<Response> response = given().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].e", equalTo("AQAB"))
                .body("keys[0].kid", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract();

        JsonWebKeySet jwks = new JsonWebKeySet(response.body().asString());
        assertFalse(jwks.getJsonWebKeys().isEmpty());
        for (JsonWebKey key : jwks.getJsonWebKeys()) {
            RsaJsonWebKey rsa = (RsaJsonWebKey) key;
            assertEquals(2048, rsa.getRsaPublicKey().getModulus().bitLength());
            assertEquals(rsa.calculateBase64urlEncodedThumbprint("SHA-256"), rsa.getKeyId(), "kid is the thumbprint");
            assertTrue(rsa.getPrivateKey() == null, "no private parts");
        }
        String json = response.body().asString();
        for (String privatePart : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertFalse(json.contains(privatePart), "JWKS must not contain " + privatePart);
        }
    }

    @Test
    void tokenVerifiesAgainstTheServedJwksAndCarriesTheAccount() throws Exception {
        String username = TestNames.unique("erin");
        String id = Accounts.register(username);
        Instant before = Instant.now().minusSeconds(1);
        String token = Accounts.login(username, Accounts.PASSWORD);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        String kid = jws.getKeyIdHeaderValue();
        assertNotNull(kid);

        JwtClaims claims = consumer(servedJwks()).processToClaims(token);
        assertEquals("realtime-auth", claims.getIssuer());
        assertEquals(id, claims.getSubject());
        assertEquals(username, claims.getStringClaimValue("upn"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        UUID.fromString(claims.getJwtId());
        long issuedAt = claims.getIssuedAt().getValue();
        assertTrue(issuedAt >= before.getEpochSecond() && issuedAt <= Instant.now().getEpochSecond() + 1);
        assertEquals(15 * 60, claims.getExpirationTime().getValue() - issuedAt, "lifetime is 15 minutes");

        String second = Accounts.login(username, Accounts.PASSWORD);
        assertNotEquals(claims.getJwtId(), consumer(servedJwks()).processToClaims(second).getJwtId());
    }

    @Test
    void adminTokenCarriesBothRoles() throws Exception {
        JwtClaims claims = consumer(servedJwks()).processToClaims(Accounts.login("admin", "admin-password"));
        assertEquals(Set.of("user", "admin"), Set.copyOf(claims.getStringListClaimValue("groups")));
    }

    @Test
    void tokenSignedByAnotherKeyFailsVerificationAgainstTheJwks() throws Exception {
        JwtConsumer consumer = consumer(servedJwks());
        assertThrows(InvalidJwtException.class, () -> consumer.processToClaims(TestTokens.foreignToken("erin", "user")));
    }

    @Test
    void meRefusesAnExpiredTokenSignedByTheActiveKey() {
        String username = TestNames.unique("frank");
        String id = Accounts.register(username);
        SigningKeys.Signer signer = keys.signer();
        String expired = Jwt.issuer("realtime-auth")
                .subject(id)
                .upn(username)
                .groups("user")
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(600))
                .jws().keyId(signer.kid()).sign(signer.privateKey());
        String fresh = Jwt.issuer("realtime-auth")
                .subject(id)
                .upn(username)
                .groups("user")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .jws().keyId(signer.kid()).sign(signer.privateKey());

        given().auth().oauth2(fresh).get("/auth/me").then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(expired).get("/auth/me").then().statusCode(401);
    }

    @Test
    void meRefusesAWrongIssuerAndAnUnknownKeyId() {
        String username = TestNames.unique("grace");
        String id = Accounts.register(username);
        SigningKeys.Signer signer = keys.signer();
        String wrongIssuer = Jwt.issuer("someone-else")
                .subject(id).upn(username).groups("user")
                .jws().keyId(signer.kid()).sign(signer.privateKey());
        String unknownKid = Jwt.issuer("realtime-auth")
                .subject(id).upn(username).groups("user")
                .jws().keyId("no-such-key").sign(signer.privateKey());

        given().auth().oauth2(wrongIssuer).get("/auth/me").then().statusCode(401);
        given().auth().oauth2(unknownKid).get("/auth/me").then().statusCode(401);
    }

    private static JsonWebKeySet servedJwks() throws Exception {
        return new JsonWebKeySet(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
    }

    /** What a verifying service does: RS256 only, key by kid from the JWKS, expected issuer, all times checked. */
    private static JwtConsumer consumer(JsonWebKeySet jwks) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer("realtime-auth")
                .setRequireSubject()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .build();
    }
}
