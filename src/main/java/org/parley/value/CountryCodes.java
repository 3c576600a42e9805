package org.parley.value;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * ISO 3166-1 countries as the JDK knows them: alpha-2 codes, their alpha-3 codes and English names. Filters accept
 * either code in any case; Parley stores and answers alpha-2.
 */
public final class CountryCodes {

    /** One ISO country. */
    public record Country(String alpha2, String alpha3, String name) {
    }

    private static final Set<String> ALPHA_2 = Set.of(Locale.getISOCountries());
    private static final Map<String, String> ALPHA_3_TO_2;
    private static final List<Country> ALL;

    static {
        Map<String, String> alpha3 = new HashMap<>();
        List<Country> all = new java.util.ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            String three;
            try {
                three = locale.getISO3Country();
            } catch (MissingResourceException e) {
                three = null;
            }
            if (three != null && !three.isEmpty()) {
                alpha3.put(three, code);
            }
            all.add(new Country(code, three, locale.getDisplayCountry(Locale.ENGLISH)));
        }
        ALPHA_3_TO_2 = Map.copyOf(alpha3);
        all.sort(java.util.Comparator.comparing(Country::alpha2));
        ALL = Collections.unmodifiableList(all);
    }

    private CountryCodes() {
    }

    public static boolean isAlpha2(String code) {
        return code != null && ALPHA_2.contains(code);
    }

    /** The uppercase alpha-2 code for an alpha-2 or alpha-3 code in any case, or null when it is no ISO country. */
    public static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.length() == 3) {
            return ALPHA_3_TO_2.get(upper);
        }
        return ALPHA_2.contains(upper) ? upper : null;
    }

    /** Every ISO country, by alpha-2 code. */
    public static List<Country> all() {
        return ALL;
    }

    public static Country get(String alpha2) {
        Locale locale = new Locale("", alpha2);
        return new Country(alpha2, locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
    }
}
