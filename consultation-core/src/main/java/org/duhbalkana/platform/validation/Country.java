package org.duhbalkana.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A country as an ISO 3166-1 alpha-2 code in capitals ({@code RS}, {@code BG}, {@code DE}), or
 * {@code XK} (Kosovo, the code in common use). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Country.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Country {

    String message() default "{validation.country}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, usable without Bean Validation. */
    final class Validator implements ConstraintValidator<Country, String> {

        private static final Set<String> CODES;

        static {
            Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
            codes.add("XK");
            CODES = Set.copyOf(codes);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        /** Whether the code is an ISO 3166-1 alpha-2 code (exactly, in capitals). */
        public static boolean valid(String code) {
            return code != null && CODES.contains(code);
        }
    }
}
