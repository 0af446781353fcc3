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
 * A request that says where the person lives names a municipality, or else a country: checked
 * with the request's other rules, so that a form hears of a missing country together with its
 * other problems (one pass), on the field {@code country}.
 */
@Documented
@Constraint(validatedBy = HomeGiven.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface HomeGiven {

    String message() default "{validation.country}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a request with a home has. */
    interface Home {
        Long municipalityId();

        String country();
    }

    final class Validator implements ConstraintValidator<HomeGiven, Home> {
        @Override
        public boolean isValid(Home value, ConstraintValidatorContext context) {
            if (value == null || value.municipalityId() != null
                    || (value.country() != null && !value.country().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("country").addConstraintViolation();
            return false;
        }
    }
}
