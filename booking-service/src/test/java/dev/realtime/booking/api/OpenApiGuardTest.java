package dev.realtime.booking.api;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.openapi.OpenApiGuard;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** booking-service's REST API against its own OpenAPI document (see {@link OpenApiGuard}). */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class OpenApiGuardTest extends OpenApiGuard {
}
