package org.osr.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which of the found files a run reviews: the {@code .osrignore} at the repository root and the user's
 * {@code --exclude} and {@code --include} globs, all with .gitignore semantics ({@link PathFilter}) on paths relative
 * to the repository root (the current folder outside a repository). Every file left out is listed as skipped with
 * the rule that left it out.
 */
public record Selection(Path root, PathFilter osrignore, PathFilter exclude, PathFilter include) {
    public static final String OSRIGNORE = ".osrignore";

    public static Selection at(Path root, List<String> exclude, List<String> include) throws IOException {
        Path ignoreFile = root.resolve(OSRIGNORE);
        List<String> ignore = Files.isRegularFile(ignoreFile)
                ? Files.readAllLines(ignoreFile, StandardCharsets.UTF_8) : List.of();
        return new Selection(root, PathFilter.of(ignore), PathFilter.of(exclude), PathFilter.of(include));
    }

    /** Why {@code input} is not reviewed, or null when it is. Standard input is always reviewed. */
    public String reasonToLeaveOut(Inputs.Input input) {
        if (input.displayPath().equals("-")) {
            return null;
        }
        Path absolute = input.file().toAbsolutePath().normalize();
        boolean inside = absolute.startsWith(root);
        String path = inside ? root.relativize(absolute).toString().replace('\\', '/')
                : input.displayPath().replace('\\', '/').replaceFirst("^(\\./)+", "");
        if (inside && osrignore.matches(path)) {
            return "osrignore";
        }
        if (exclude.matches(path)) {
            return "excluded";
        }
        if (!include.isEmpty() && !include.matches(path)) {
            return "not-included";
        }
        return null;
    }
}
