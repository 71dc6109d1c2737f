package org.osr.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ordered list of patterns with .gitignore semantics, matched against '/'-separated paths relative to the
 * repository root: {@code *} and {@code ?} stay inside one folder name, {@code **} crosses folders, a pattern with a
 * '/' at its start or middle is anchored to the root (one without matches a name at any depth), a trailing '/'
 * matches folders only, {@code !} re-includes, the last matching pattern wins, and nothing inside a matched folder
 * can be re-included (git does not look inside an ignored folder either). Blank lines and {@code #} comments are
 * ignored; {@code \#} and {@code \!} escape.
 */
public final class PathFilter {
    private record Rule(Pattern regex, boolean negated, boolean dirOnly, boolean anchored) {
    }

    private final List<Rule> rules = new ArrayList<>();

    private PathFilter() {
    }

    public static PathFilter of(List<String> patterns) {
        PathFilter filter = new PathFilter();
        patterns.forEach(filter::add);
        return filter;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** True when the file at {@code path} (relative, '/'-separated) or a folder above it is matched. */
    public boolean matches(String path) {
        String[] names = path.split("/");
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < names.length - 1; i++) {
            if (i > 0) {
                dir.append('/');
            }
            dir.append(names[i]);
            if (matchesOne(dir.toString(), true)) {
                return true;
            }
        }
        return matchesOne(path, false);
    }

    private boolean matchesOne(String path, boolean isDir) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean matched = false;
        for (Rule rule : rules) {
            if (rule.dirOnly() && !isDir) {
                continue;
            }
            if (rule.regex().matcher(rule.anchored() ? path : name).matches()) {
                matched = !rule.negated();
            }
        }
        return matched;
    }

    private void add(String line) {
        String p = stripTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return;
        }
        boolean negated = false;
        if (p.startsWith("!")) {
            negated = true;
            p = p.substring(1);
        } else if (p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return;
        }
        boolean anchored = p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        rules.add(new Rule(Pattern.compile(regex(p)), negated, dirOnly, anchored));
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/') && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    re.append(".*");                   // trailing "/**": everything inside
                } else {
                    re.append("(?:[^/]*/)*");           // "**/": zero or more folders
                    i++;
                }
                i += 2;
                continue;
            }
            switch (c) {
                case '*' -> {
                    re.append("[^/]*");
                    while (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;
                    }
                }
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i + 1 < n) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
