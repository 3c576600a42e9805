package org.parley.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the tests read from README.md and docs/: the shell commands of the runnable blocks (fenced {@code bash} or
 * {@code sh}), curl commands anywhere else, and relative links. Other fences ({@code console} for the build, Docker,
 * PostgreSQL or HAProxy) are shown, not run.
 *
 * <p>A command is what bash would read as one: a line with its backslash continuations, the lines of a quoted string
 * left open, and its here-documents. A trailing comment that starts with a status ({@code # 400: unknown country})
 * names the status its curl must answer.
 */
final class Markdown {

    private static final List<String> RUNNABLE = List.of("bash", "sh");

    /** A curl that bash would run: the word curl, at the start, after a pipe, separator or "$(", then an argument. */
    private static final Pattern CURL = Pattern.compile("(?:^|[\\s|;&(])curl\\s");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,})\\s*([\\w-]*)");
    private static final Pattern STATUS = Pattern.compile("^#\\s*([1-5]\\d\\d)\\b");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([\\w-]+)\\1");
    private static final Pattern INLINE_CURL = Pattern.compile("`curl\\s[^`]*`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    /** One shell command of a runnable block, from its first line (1-based, in the Markdown file). */
    record Command(String file, int line, String text, Integer expectedStatus, boolean curl) {

        String where() {
            return file + ":" + line;
        }
    }

    /** A fenced block: its language (empty when none), the line of its first content line, and its lines. */
    record Block(String language, int firstLine, List<String> lines) {

        boolean runnable() {
            return RUNNABLE.contains(language);
        }
    }

    private final String file;
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> prose = new ArrayList<>();

    private Markdown(String file, String text) {
        this.file = file;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.find()) {
                prose.add(lines[i]);
                continue;
            }
            String ticks = fence.group(1);
            List<String> body = new ArrayList<>();
            int first = i + 2;
            while (++i < lines.length && !lines[i].strip().startsWith(ticks)) {
                body.add(lines[i]);
            }
            if (i == lines.length) {
                throw new IllegalArgumentException(file + ":" + (first - 1) + ": the fenced block is never closed");
            }
            blocks.add(new Block(fence.group(2), first, body));
        }
    }

    static Markdown parse(String file, String text) {
        return new Markdown(file, text);
    }

    /** README.md and every page of docs/, README first, the pages by name. */
    static List<Path> documents(Path root) {
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            return Stream.concat(Stream.of(root.resolve("README.md")),
                    pages.filter(page -> page.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Markdown read(Path root, Path document) {
        try {
            return parse(root.relativize(document).toString(), Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String file() {
        return file;
    }

    /** The commands of the runnable blocks, in the order of the file. */
    List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Block block : blocks) {
            if (block.runnable()) {
                commands.addAll(commands(block));
            }
        }
        return commands;
    }

    /** Where a curl would not be run: a line of a block of another language, or an inline code span. */
    List<String> curlsNotRun() {
        List<String> found = new ArrayList<>();
        for (Block block : blocks.stream().filter(block -> !block.runnable()).toList()) {
            for (int i = 0; i < block.lines().size(); i++) {
                if (CURL.matcher(block.lines().get(i)).find()) {
                    found.add(file + ":" + (block.firstLine() + i) + " (fenced '" + block.language() + "')");
                }
            }
        }
        prose.stream().filter(line -> INLINE_CURL.matcher(line).find())
                .forEach(line -> found.add(file + " (inline code): " + line.strip()));
        return found;
    }

    /** The targets of the links of the prose that are not absolute URLs: a path, a path#anchor or an #anchor. */
    List<String> relativeLinks() {
        List<String> links = new ArrayList<>();
        for (String line : prose) {
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (link.find()) {
                if (!link.group(1).matches("[a-z]+:.*")) {
                    links.add(link.group(1));
                }
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens. */
    Set<String> anchors() {
        return prose.stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private List<Command> commands(Block block) {
        List<Command> commands = new ArrayList<>();
        List<String> lines = block.lines();
        int i = 0;
        while (i < lines.size()) {
            String stripped = lines.get(i).strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            Lexer lexer = new Lexer();
            List<String> delimiters = new ArrayList<>();
            do {
                delimiters.addAll(lexer.scan(lines.get(i)));
                i++;
            } while (lexer.continues() && i < lines.size());
            for (String delimiter : delimiters) {
                while (i < lines.size() && !lines.get(i).strip().equals(delimiter)) {
                    i++;
                }
                i++;
            }
            if (lexer.continues() || i > lines.size()) {
                throw new IllegalArgumentException(file + ":" + (block.firstLine() + start)
                        + ": the command does not end within its block");
            }
            Matcher status = STATUS.matcher(lexer.comment);
            commands.add(new Command(file, block.firstLine() + start, String.join("\n", lines.subList(start, i)),
                    status.find() ? Integer.valueOf(status.group(1)) : null,
                    CURL.matcher(lexer.code).find()));
        }
        return commands;
    }

    /**
     * Bash's quoting, as far as it decides where a command ends: quotes, backslashes, comments and here-document
     * operators, line by line; the code outside comments and here-documents is kept to look for curl in.
     */
    private static final class Lexer {

        private char quote; // the open quote, or 0
        private boolean escapedNewline;
        private String comment = "";
        private final StringBuilder code = new StringBuilder();

        /** Scans one line; answers the delimiters of the here-documents it opens. */
        List<String> scan(String line) {
            List<String> delimiters = new ArrayList<>();
            escapedNewline = false;
            int end = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote == '\'') {
                    quote = c == '\'' ? 0 : quote;
                } else if (c == '\\') {
                    escapedNewline = i == line.length() - 1;
                    i++;
                } else if (quote == '"') {
                    quote = c == '"' ? 0 : quote;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    comment = line.substring(i);
                    end = i;
                    break;
                } else if (line.startsWith("<<", i) && !line.startsWith("<<<", i)) {
                    Matcher heredoc = HEREDOC.matcher(line).region(i, line.length());
                    if (heredoc.lookingAt()) {
                        delimiters.add(heredoc.group(2));
                        i = heredoc.end() - 1;
                    }
                }
            }
            code.append(line, 0, end).append('\n');
            return delimiters;
        }

        boolean continues() {
            return quote != 0 || escapedNewline;
        }
    }
}
