package org.parley.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/** JSON settings that application.properties cannot express. */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** The years every database and clock of the stack can hold (SQL's own range; PostgreSQL ends before H2). */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    @Override
    public void customize(ObjectMapper mapper) {
        // keep the offset a timestamp was written with (a source's "+08:00") instead of turning it into UTC
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        // A value of the wrong JSON type is a 400, not converted: "title": 5 is not "5", "type": 3 is not the fourth
        // event type, "date": 5 is not 1970-01-06, "position": 1.5 is not 1 and "version": "" is not null.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultLeniency(false);
        // a name twice in an object is a 400: parsers that disagree on which one counts are an old way past checks
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // and anything after the value ({"a": 1}}) is malformed, not ignored
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("parley-values").setDeserializerModifier(new Checked.Modifier()));
    }

    /**
     * Why a value read from JSON cannot be stored, or null: text with a control character (other than tab, line feed
     * and carriage return) or half of a surrogate pair, which PostgreSQL, the CSV export or UTF-8 cannot carry; a date
     * outside the years 1 to 9999.
     */
    static String refusal(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "contains " + codePoint(c) + ", half of a surrogate pair, which is not a character";
                } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                    return "contains the control character " + codePoint(c);
                }
            }
            return null;
        }
        int year = value instanceof LocalDate date ? date.getYear()
                : value instanceof OffsetDateTime time ? time.getYear() : FIRST_YEAR;
        return year < FIRST_YEAR || year > LAST_YEAR
                ? "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR : null;
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** A value that JSON can carry but Parley cannot store; {@link ProblemMappers} shows its reason. */
    static final class Refused extends MismatchedInputException {

        private final String reason;

        Refused(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, type);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Wraps the deserializers of text, dates and timestamps, wherever they occur, with {@link #refusal}. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (handledType() != String.class && !parser.hasToken(JsonToken.VALUE_STRING)) {
                // java.time also reads numbers as epoch days or seconds, and arrays ([] as null)
                throw new Refused(parser, "expected " + JsonTypes.describe(handledType()), handledType());
            }
            Object value = super.deserialize(parser, context);
            String reason = refusal(value);
            if (reason != null) {
                throw new Refused(parser, reason, handledType());
            }
            return value;
        }

        static final class Modifier extends BeanDeserializerModifier {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || type == LocalDate.class || type == OffsetDateTime.class
                        ? new Checked(deserializer) : deserializer;
            }
        }
    }
}
