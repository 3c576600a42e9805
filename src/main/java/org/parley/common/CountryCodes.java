package org.parley.common;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class CountryCodes {

    private static final Set<String> ALPHA_2 = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    public static boolean isAlpha2(String code) {
        return code != null && ALPHA_2.contains(code);
    }

    /** The uppercase alpha-2 code for a code in any case, or null when it is no ISO country. */
    public static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return ALPHA_2.contains(upper) ? upper : null;
    }
}
