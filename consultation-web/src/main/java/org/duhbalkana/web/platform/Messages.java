package org.duhbalkana.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Iterator;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.BusinessException;
import org.duhbalkana.platform.InputRejected;

/**
 * Turns what the services say into messages on the page, in the reader's language: Bean
 * Validation violations go next to their field (the last node of the property path is the
 * field's id in the form), business rules to the field they name or to the page.
 */
public final class Messages {

    public static final String BUNDLE = "org.duhbalkana.web.i18n.messages";

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        // The reader's language as the request decided it: the view's own locale is not set yet
        // while view actions run.
        java.util.Locale locale = LanguageFilter.resolve(
                (jakarta.servlet.http.HttpServletRequest) context.getExternalContext().getRequest()).locale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Thread.currentThread().getContextClassLoader());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString("error.500.title");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** An information message for the whole page. */
    public static void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    /** An error for the field with this client id (marked invalid, so it says aria-invalid), or for the page (null). */
    public static void error(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
        FormErrors.markInvalid(FacesContext.getCurrentInstance(), clientId);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    /**
     * Shows what went wrong, if it is something the person can act on; rethrows anything else
     * (the error page then says it plainly).
     *
     * @param form the id of the form, fields are {@code form:field}
     */
    public static void show(String form, RuntimeException failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                String template = violation.getMessageTemplate();
                String key = template.startsWith("{") && template.endsWith("}")
                        ? template.substring(1, template.length() - 1) : "validation.required";
                error(form + ":" + field(violation.getPropertyPath()), key);
            }
            FacesContext.getCurrentInstance().validationFailed();
        } else if (cause instanceof InputRejected rejected) {
            for (InputRejected.Problem problem : rejected.problems()) {
                error(form + ":" + problem.field(), problem.messageKey(), rejected.arguments().toArray());
            }
            FacesContext.getCurrentInstance().validationFailed();
        } else if (cause instanceof AccessDenied || cause instanceof EJBAccessException) {
            forbidden();
        } else if (cause instanceof BusinessException business) {
            error(null, business.messageKey(), business.arguments().toArray());
            FacesContext.getCurrentInstance().validationFailed();
        } else {
            throw failure;
        }
    }

    /** Answers 403 with our error page. */
    public static void forbidden() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(403, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** Answers 404 with our error page. */
    public static void notFound() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static String field(Path path) {
        String last = "";
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof EJBException && !(current instanceof EJBAccessException) && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof EJBAccessException) {
            return current;
        }
        Throwable search = current;
        while (search != null) {
            if (search instanceof ConstraintViolationException || search instanceof BusinessException) {
                return search;
            }
            search = search.getCause();
        }
        return current;
    }
}
