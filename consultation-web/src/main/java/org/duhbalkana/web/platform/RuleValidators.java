package org.duhbalkana.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.function.Predicate;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.platform.validation.Password;
import org.duhbalkana.platform.validation.PersonName;

/**
 * The services' own rules for a name, an e-mail address and a password, checked in the page as
 * well, in the same pass as "required": a form with an empty name and a malformed address shows
 * both errors at once, instead of the address's only after the name is given. The services check
 * again (they are the boundary); the messages are the same keys they use.
 */
public final class RuleValidators {

    private RuleValidators() {
    }

    private static void check(Object value, Predicate<String> rule, String key) {
        if (value == null || value.toString().isEmpty()) {
            return; // "required" speaks for an empty field
        }
        if (!rule.test(value.toString())) {
            String text = Messages.text(key);
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** An e-mail address the services accept. */
    @FacesValidator("duh.email")
    public static class Email implements Validator<Object> {
        @Override
        public void validate(FacesContext context, UIComponent component, Object value) {
            check(value, text -> EmailAddress.parse(text).isPresent(), "validation.email");
        }
    }

    /** A person's name as the services accept it (letters, one alphabet per word, 2 to 100 characters). */
    @FacesValidator("duh.personName")
    public static class Name implements Validator<Object> {
        @Override
        public void validate(FacesContext context, UIComponent component, Object value) {
            check(value, PersonName.Validator::valid, "validation.personName");
        }
    }

    /** A new password as the services accept it. */
    @FacesValidator("duh.password")
    public static class NewPassword implements Validator<Object> {
        @Override
        public void validate(FacesContext context, UIComponent component, Object value) {
            check(value, Password.Validator::valid, "validation.password");
        }
    }
}
