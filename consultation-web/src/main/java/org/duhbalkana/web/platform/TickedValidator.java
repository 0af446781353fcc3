package org.duhbalkana.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/** A checkbox that must be ticked (a consent): its message is the field's requiredMessage, or the consent message. */
@FacesValidator(value = "duh.ticked")
public class TickedValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (!Boolean.TRUE.equals(value)) {
            Object own = component.getAttributes().get("requiredMessage");
            String text = own != null && !own.toString().isBlank() ? own.toString() : Messages.text("validation.consent");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
