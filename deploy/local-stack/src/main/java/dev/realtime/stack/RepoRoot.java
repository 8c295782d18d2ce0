package dev.realtime.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the source tree: the directory that holds the Maven wrapper and the root POM. The launcher
 * reads every service's packaged jar from there, so it must find it whether it is started from the root, from a
 * module directory, from a test JVM whose working directory is a module, or as a copied jar.
 */
public final class RepoRoot {

    /** Set this system property to skip the search. */
    public static final String PROPERTY = "rt.stack.repo-root";

    private RepoRoot() {
    }

    /**
     * The repository root: the {@value #PROPERTY} system property if set, else the nearest directory holding
     * {@code mvnw} and {@code pom.xml} above the working directory, else above the location this class was loaded
     * from.
     *
     * @throws IllegalStateException if none is found
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException(PROPERTY + "=" + configured + " does not hold mvnw and pom.xml");
            }
            return root;
        }
        return searchUpFrom(Path.of("").toAbsolutePath())
                .or(() -> codeLocation().flatMap(RepoRoot::searchUpFrom))
                .orElseThrow(() -> new IllegalStateException("cannot find the repository root (a directory with mvnw"
                        + " and pom.xml) above " + Path.of("").toAbsolutePath() + "; run from inside the repository or"
                        + " pass -D" + PROPERTY + "=<dir>"));
    }

    static Optional<Path> searchUpFrom(Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = RepoRoot.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
