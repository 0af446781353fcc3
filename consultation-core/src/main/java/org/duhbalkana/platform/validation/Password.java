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

/**
 * A new password: 10 to 128 characters, any letters, digits, symbols or spaces, but no control
 * characters (a NUL cuts passwords short in some systems). Long passphrases are welcome; no
 * composition rules, as NIST SP 800-63B advises. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = Password.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {

    int MIN = 10;
    int MAX = 128;

    String message() default "{validation.password}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Password, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String value) {
            int length = value.codePointCount(0, value.length());
            return length >= MIN && length <= MAX && value.codePoints().noneMatch(Character::isISOControl);
        }
    }
}
