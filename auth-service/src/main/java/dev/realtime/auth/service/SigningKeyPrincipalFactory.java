package dev.realtime.auth.service;

import java.security.Key;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Makes smallrye-jwt verify bearer tokens against this service's own published keys, the ones that
 * {@code GET /.well-known/jwks.json} serves, read in-process rather than over HTTP.
 * <p>
 * Only the key lookup changes: SmallRye's parser still checks the signature algorithm (RS256), the issuer
 * ({@code mp.jwt.verify.issuer}), expiry and the other claims exactly as in every other service. Reading the
 * keys in-process avoids a request to itself, needs no URL of its own port in configuration (tests run on
 * a random one), and sees a key added by another replica as soon as a token names it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SigningKeyPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser;

    @Inject
    public SigningKeyPrincipalFactory(SigningKeys keys) {
        this.parser = new PublishedKeysTokenParser(new PublishedKeyResolver(keys));
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext context = parser.parse(token, authContextInfo);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new DefaultJWTCallerPrincipal(type, context.getJwtClaims());
    }

    /** SmallRye's token parser with the key lookup replaced. */
    private static final class PublishedKeysTokenParser extends DefaultJWTTokenParser {

        private final VerificationKeyResolver resolver;

        PublishedKeysTokenParser(VerificationKeyResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo authContextInfo) {
            return resolver;
        }
    }

    /** Picks the published key named by the token's {@code kid} header; a token without one is refused. */
    private record PublishedKeyResolver(SigningKeys keys) implements VerificationKeyResolver {

        @Override
        public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
                throws UnresolvableKeyException {
            String kid = jws.getKeyIdHeaderValue();
            if (kid == null) {
                throw new UnresolvableKeyException("the token has no kid header");
            }
            return keys.verificationKey(kid)
                    .orElseThrow(() -> new UnresolvableKeyException("no published key has kid " + kid));
        }
    }
}
