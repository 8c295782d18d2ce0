package dev.realtime.auth.api;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.openapi.OpenApiGuard;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * auth-service's REST API against its own OpenAPI document (see {@link OpenApiGuard}). auth-service verifies
 * tokens against its own keys, so the callers are real accounts: two new users and the bootstrap admin.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class OpenApiGuardTest extends OpenApiGuard {

    @Override
    protected Map<String, String> callerTokens(URL root) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("user", newAccount());
        tokens.put("other-user", newAccount());
        tokens.put("admin", Accounts.login("admin", "admin-password"));
        return tokens;
    }

    private static String newAccount() {
        String username = TestNames.unique("guard");
        Accounts.register(username);
        return Accounts.login(username, Accounts.PASSWORD);
    }
}
