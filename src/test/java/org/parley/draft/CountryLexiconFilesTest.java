package org.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shape and coverage of the drafter's country lexicons (draft/countries/*.tsv). */
class CountryLexiconFilesTest {

    private static final Set<String> KINDS = Set.of("adjective", "name", "prefix", "capital", "exclude");
    // an adjective may name several countries ("congolais": CD and CG), the drafter weighs them; a name or prefix not
    private static final Set<String> UNIQUE_KINDS = Set.of("name", "prefix");
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private record Row(int line, String code, String kind, String form) {
    }

    private static List<Row> read(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (InputStream in = CountryLexiconFilesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int n = 0;
            while ((text = reader.readLine()) != null) {
                n++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] f = text.split("\t", -1);
                if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()
                        || !f[2].equals(f[2].strip())) {
                    bad.add(n + ": " + text);
                    continue;
                }
                rows.add(new Row(n, f[0], f[1], f[2]));
            }
        }
        assertTrue(bad.isEmpty(), resource + ": lines that are not three tab-separated fields: " + bad);
        return rows;
    }

    static String fold(String form) {
        return Normalizer.normalize(form, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/draft/countries/fr.tsv", "/draft/countries/en.tsv", "/draft/countries/es.tsv"})
    void codesAndKindsAreKnown(String resource) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Row r : read(resource)) {
            if (!ISO.contains(r.code())) {
                bad.add(r.line() + ": code " + r.code());
            }
            if (!KINDS.contains(r.kind())) {
                bad.add(r.line() + ": kind " + r.kind());
            }
        }
        assertTrue(bad.isEmpty(), resource + ": " + bad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/draft/countries/fr.tsv", "/draft/countries/en.tsv", "/draft/countries/es.tsv"})
    void everyCountryHasAnAdjectiveAndAName(String resource) throws IOException {
        Map<String, Set<String>> kindsByCode = new HashMap<>();
        for (Row r : read(resource)) {
            kindsByCode.computeIfAbsent(r.code(), c -> new HashSet<>()).add(r.kind());
        }
        Set<String> missing = new TreeSet<>();
        for (String code : ISO) {
            Set<String> kinds = kindsByCode.getOrDefault(code, Set.of());
            if (!kinds.contains("adjective")) {
                missing.add(code + " adjective");
            }
            if (!kinds.contains("name")) {
                missing.add(code + " name");
            }
        }
        assertEquals(Set.of(), missing, resource + ": codes without an adjective or a name row");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/draft/countries/fr.tsv", "/draft/countries/en.tsv", "/draft/countries/es.tsv"})
    void noFormBelongsToTwoCountries(String resource) throws IOException {
        Map<String, Row> firstOwner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Row r : read(resource)) {
            if (!UNIQUE_KINDS.contains(r.kind())) {
                continue;
            }
            String key = r.kind() + "\t" + fold(r.form());
            Row first = firstOwner.putIfAbsent(key, r);
            if (first != null && !first.code().equals(r.code())) {
                clashes.add(r.kind() + " '" + r.form() + "': " + first.code() + " (line " + first.line()
                        + ") and " + r.code() + " (line " + r.line() + ")");
            }
        }
        assertTrue(clashes.isEmpty(), resource + ": " + clashes);
    }
}
