package dev.realtime.platform.test.openapi;

import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The guard's source of values: jqwik's arbitraries, drawn from one seeded {@link Random}, so that a run is
 * repeated exactly by its seed. (jqwik's own engine cannot drive a {@code @QuarkusTest}, so the guard draws
 * from the arbitraries itself inside a jqwik session.)
 */
final class Draw {

    private static final int GEN_SIZE = 1000;

    private final Random random;

    Draw(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T from(Arbitrary<T> arbitrary) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    int between(int min, int max) {
        return from(Arbitraries.integers().between(min, max));
    }

    long between(long min, long max) {
        return from(Arbitraries.longs().between(min, max));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T oneOf(List<T> values) {
        return from(Arbitraries.of(values));
    }

    String text(int minLength, int maxLength) {
        return from(Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_', ' ')
                .ofMinLength(minLength).ofMaxLength(maxLength));
    }

    String anyUnicode(int maxLength) {
        return from(Arbitraries.strings().all().ofMaxLength(maxLength));
    }
}
