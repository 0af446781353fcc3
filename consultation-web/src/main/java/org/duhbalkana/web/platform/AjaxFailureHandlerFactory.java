package org.duhbalkana.web.platform;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duhbalkana.platform.database.DatabaseAway;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/**
 * OmniFaces' full-page error handling of ajax requests, with the same judgement and the same log as
 * {@link FailurePagesFilter}: the database away shows {@code /errors/503.xhtml} (logged as one line a
 * minute at most), any other failure {@code /errors/500.xhtml} with its incident id (logged once, with
 * its stack trace, by {@link FailureLog}).
 */
public class AjaxFailureHandlerFactory extends ExceptionHandlerFactory {

    public AjaxFailureHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends FullAjaxExceptionHandler {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        protected String findErrorPageLocation(FacesContext context, Throwable exception) {
            if (DatabaseAway.isCause(exception)) {
                if (context.getExternalContext().getResponse() instanceof HttpServletResponse response) {
                    response.setHeader("Retry-After", Integer.toString(Edges.settings().retryAfterSeconds()));
                }
                return "/errors/503.xhtml";
            }
            return super.findErrorPageLocation(context, exception);
        }

        @Override
        protected void logException(FacesContext context, Throwable exception, String location, LogReason reason) {
            if (FailurePagesFilter.expired(exception)) {
                return; // a form whose view is gone (the session ended): expected, not a bug
            }
            if (DatabaseAway.isCause(exception)) {
                FailureLog.SITE.databaseAway("pages", exception);
            } else if (context.getExternalContext().getRequest() instanceof HttpServletRequest request
                    && request.getAttribute(FailurePagesFilter.INCIDENT) == null) {
                request.setAttribute(FailurePagesFilter.INCIDENT, FailureLog.SITE.unexpected("pages", exception));
            }
        }
    }
}
