package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path tree;

    @AfterEach
    void clearProperty() {
        System.clearProperty(RepoRoot.PROPERTY);
    }

    @Test
    void findsTheNearestDirectoryWithMvnwAndPomAbove() throws IOException {
        Files.createFile(tree.resolve("mvnw"));
        Files.createFile(tree.resolve("pom.xml"));
        Path module = Files.createDirectories(tree.resolve("deploy/local-stack/target"));
        // a module's pom.xml without mvnw is not the root
        Files.createFile(tree.resolve("deploy/local-stack/pom.xml"));

        assertEquals(Optional.of(tree), RepoRoot.searchUpFrom(module));
    }

    @Test
    void findsNothingOutsideARepository() {
        assertEquals(Optional.empty(), RepoRoot.searchUpFrom(tree));
    }

    @Test
    void locatesThisRepositoryFromTheModuleDirectory() {
        Path root = RepoRoot.locate();
        assertTrue(Files.isRegularFile(root.resolve("deploy/local-stack/pom.xml")), "root: " + root);
    }

    @Test
    void aConfiguredRootMustHoldMvnwAndPom() {
        System.setProperty(RepoRoot.PROPERTY, tree.toString());
        assertThrows(IllegalStateException.class, RepoRoot::locate);
    }
}
