package org.osr.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the paths a user typed into the files to review, and accounts for every path given or found: each one is a
 * file to review, an {@link InputError} (reported, exit 65, the run never {@code publishable}) or a {@link Skipped}
 * entry (counted and listed in the report).
 *
 * <p>Symbolic links are followed, to files and to folders, wherever they lead: what a link points at is what a web
 * server or a deploy step publishes under the link's name. A file reached through a link that leaves the folder
 * given is reviewed under the link's path and carries its real path ({@link Input#linkTarget()}); a link loop or a
 * link to nothing is an input error. FIFOs, sockets and devices inside folders are input errors and are never opened
 * (opening a FIFO blocks); a pipe named on the command line ({@code <(cmd)}, {@code /dev/stdin}) is read like
 * {@code -}. Hidden entries are skipped and listed unless {@code hidden} is set; version-control folders
 * ({@code .git}, {@code .svn}, {@code .hg}) are never entered.
 */
public final class Inputs {
    static final Set<String> VCS_FOLDERS = Set.of(".git", ".svn", ".hg", ".bzr", "CVS");

    /**
     * A file to review.
     *
     * @param linkTarget the file's real path when it was reached through a symbolic link leading out of the folder
     *                   the user named, else null
     */
    public record Input(Path file, String displayPath, String linkTarget) {
    }

    /** A path that was given or found but cannot be reviewed; {@code code} is a stable machine word. */
    public record InputError(String path, String code, String message) {
        public static final String NOT_FOUND = "not-found";
        public static final String PERMISSION_DENIED = "permission-denied";
        public static final String BROKEN_LINK = "broken-link";
        public static final String LINK_LOOP = "link-loop";
        public static final String SPECIAL_FILE = "special-file";
        public static final String NAME_ENCODING = "name-encoding";
        public static final String UNREADABLE = "unreadable";
    }

    /**
     * An entry deliberately not reviewed, with the reason: {@code hidden}, {@code vcs}, {@code report}, {@code deleted}
     * (listed as changed but no longer there), {@code osrignore}, {@code excluded} or {@code not-included}.
     */
    public record Skipped(String path, String reason) {
    }

    /** What to leave out of folder walks. */
    public record Options(boolean hidden, Set<Path> exclude) {
        public static final Options DEFAULT = new Options(false, Set.of());
    }

    private final List<Input> files = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Options options;
    private final Scratch scratch;

    private Inputs(Options options, Scratch scratch) {
        this.options = options;
        this.scratch = scratch;
    }

    public static Inputs resolve(List<String> args, InputStream stdin, Scratch scratch) throws IOException {
        return resolve(args, stdin, scratch, Options.DEFAULT);
    }

    public static Inputs resolve(List<String> args, InputStream stdin, Scratch scratch, Options options)
            throws IOException {
        Inputs inputs = new Inputs(options, scratch);
        for (String arg : args) {
            inputs.argument(arg, stdin);
        }
        return inputs;
    }

    /**
     * Paths read from a list ({@code --files-from}, {@code --changed-since}), each resolved against {@code base} and
     * shown as written. A path that does not exist was deleted since the list was made: skipped, not an error.
     * Names inside version-control folders, and hidden names unless {@code hidden}, are skipped as in a folder walk.
     */
    public static Inputs resolveListed(Path base, List<String> names, List<String> deleted, Scratch scratch,
                                       Options options) throws IOException {
        Inputs inputs = new Inputs(options, scratch);
        deleted.forEach(name -> inputs.skipped.add(new Skipped(name, "deleted")));
        for (String name : names) {
            Path path;
            try {
                path = base.resolve(name);
            } catch (InvalidPathException e) {
                inputs.errors.add(nameEncoding(name));
                continue;
            }
            List<String> segments = List.of(name.replace('\\', '/').split("/"));
            if (segments.stream().anyMatch(VCS_FOLDERS::contains)) {
                inputs.skipped.add(new Skipped(name, "vcs"));
            } else if (!options.hidden() && segments.stream().anyMatch(s -> s.startsWith(".") && !s.equals(".")
                    && !s.equals(".."))) {
                inputs.skipped.add(new Skipped(name, "hidden"));
            } else if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                inputs.skipped.add(new Skipped(name, "deleted"));
            } else {
                inputs.argument(path, name);
            }
        }
        return inputs;
    }

    /** Takes out the files {@code reason} names a reason for, listing each as skipped with that reason. */
    public void leaveOut(java.util.function.Function<Input, String> reason) {
        files.removeIf(input -> {
            String why = reason.apply(input);
            if (why != null) {
                skipped.add(new Skipped(input.displayPath(), why));
            }
            return why != null;
        });
    }

    private void argument(String arg, InputStream stdin) throws IOException {
        if (arg.equals("-")) {
            files.add(new Input(scratch.copy(stdin, "stdin"), "-", null));
            return;
        }
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            errors.add(nameEncoding(arg));
            return;
        }
        argument(path, arg);
    }

    private void argument(Path path, String arg) throws IOException {
        if (!Files.exists(path)) {
            errors.add(Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    ? new InputError(arg, InputError.BROKEN_LINK, "a symbolic link to " + linkText(path)
                    + ", which does not exist")
                    : new InputError(arg, InputError.NOT_FOUND, "no such file or folder"));
            return;
        }
        if (Files.isDirectory(path)) {
            walk(path, arg);
            return;
        }
        if (Files.isRegularFile(path)) {
            if (Files.isReadable(path)) {
                files.add(new Input(path, arg, null));
            } else {
                errors.add(new InputError(arg, InputError.PERMISSION_DENIED, "permission denied"));
            }
            return;
        }
        String type = SpecialFiles.type(path);
        if (type.equals(SpecialFiles.PIPE)) {
            // `osr scan <(cmd)` or /dev/stdin on a pipe: read once, like '-'.
            try (InputStream in = Files.newInputStream(path)) {
                files.add(new Input(scratch.copy(in, "pipe"), arg, null));
            }
            return;
        }
        errors.add(new InputError(arg, InputError.SPECIAL_FILE, "not a regular file (" + type + "); not read"));
    }

    private void walk(Path root, String shownRoot) throws IOException {
        List<Input> found = new ArrayList<>();
        FolderWalk.walk(root, shownRoot, options, new FolderWalk.Visitor() {
            @Override
            public void file(Input input) {
                found.add(input);
            }

            @Override
            public void error(InputError error) {
                errors.add(error);
            }

            @Override
            public void skipped(Skipped entry) {
                skipped.add(entry);
            }
        });
        found.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        files.addAll(found);
    }

    static InputError nameEncoding(String shown) {
        return new InputError(shown, InputError.NAME_ENCODING, "the name cannot be decoded in this locale's "
                + "character set (" + System.getProperty("sun.jnu.encoding") + "); run osr under a UTF-8 locale "
                + "(e.g. LC_ALL=C.UTF-8; the ./osr launcher does this)");
    }

    static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /** Why an I/O operation failed, in words: never a bare exception class name. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        String type = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        if (message == null || message.isBlank()) {
            return type;
        }
        return e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : message;
    }

    public List<Input> files() {
        return files;
    }

    public List<InputError> errors() {
        return errors;
    }

    public List<Skipped> skipped() {
        return skipped;
    }
}
