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
 * A name as people write it: 2 to 100 letters of any alphabet, with spaces, hyphens, apostrophes
 * and full stops between them; each word in one script (no Latin and Cyrillic mixed within a
 * word, a trick to look like someone else); no digits, symbols, emoji, markup or control
 * characters. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    String message() default "{validation.personName}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, usable without Bean Validation. */
    final class Validator implements ConstraintValidator<PersonName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        public static boolean valid(String value) {
            String name = value.strip();
            if (name.length() < 2 || name.length() > 100) {
                return false;
            }
            int letters = 0;
            for (String word : name.split("[\\s\\-'’.]+")) {
                Character.UnicodeScript script = null;
                for (int i = 0; i < word.length(); ) {
                    int c = word.codePointAt(i);
                    i += Character.charCount(c);
                    if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                        return false;
                    }
                    letters++;
                    Character.UnicodeScript s = Character.UnicodeScript.of(c);
                    if (s == Character.UnicodeScript.INHERITED) {
                        continue;
                    }
                    if (script != null && s != script) {
                        return false;
                    }
                    script = s;
                }
            }
            return letters >= 2 && name.chars().noneMatch(c -> c == '\n' || c == '\t' || c == '\r')
                    && !name.contains("  ");
        }
    }
}
