package dev.realtime.auth.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.realtime.auth.service.PasswordHasher;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class PasswordHasherTest {

    @Inject
    PasswordHasher passwords;

    @Test
    void hashIsSaltedBcryptAndMatchesOnlyItsPassword() {
        String first = passwords.hash("correct horse battery");
        String second = passwords.hash("correct horse battery");

        assertTrue(first.matches("\\$2a\\$06\\$[./A-Za-z0-9]{53}"), first);
        assertNotEquals(first, second, "a fresh salt every time");
        assertTrue(passwords.matches("correct horse battery", first));
        assertTrue(passwords.matches("correct horse battery", second));
        assertFalse(passwords.matches("correct horse batterY", first));
        assertFalse(passwords.matches("", first));
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        // bcrypt alone reads only the first 72 bytes; these differ only in the last of 128 characters
        String base = "p".repeat(127);
        String hash = passwords.hash(base + "a");
        assertTrue(passwords.matches(base + "a", hash));
        assertFalse(passwords.matches(base + "b", hash));
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        String hash = passwords.hash("pässwörd-密码-🔑");
        assertTrue(passwords.matches("pässwörd-密码-🔑", hash));
        assertFalse(passwords.matches("passwort-密码-🔑", hash));
    }
}
