package org.parley.statement;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A statement body's {@code span}, when it has one, covers exactly its {@code text} (see {@link Span#problem}); the
 * violation names the field {@code span}. A body without a span is valid.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = SpanMatchesText.Validator.class)
public @interface SpanMatchesText {

    String message() default "must cover exactly the text's length";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SpanMatchesText, Span.Spanned> {
        @Override
        public boolean isValid(Span.Spanned body, ConstraintValidatorContext context) {
            String problem = body == null || body.span() == null ? null : body.span().problem(body.text());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the problem holds no braces or dollar signs: nothing in it is read as a message expression
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("span").addConstraintViolation();
            return false;
        }
    }
}
