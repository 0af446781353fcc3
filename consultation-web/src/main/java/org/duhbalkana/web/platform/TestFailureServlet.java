package org.duhbalkana.web.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.duhbalkana.platform.time.AdjustableClock;

/**
 * {@code GET /test/failure}: a page that fails on purpose, so that the tests of the running site see
 * our 500 page with its incident id and the one log entry. Only with
 * {@code -Dduhbalkana.adjustableClock=true} (tests); anywhere else 404.
 */
@WebServlet("/test/failure")
public class TestFailureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdjustableClock.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        throw new IllegalStateException("A page failure on purpose, for the tests of the running site");
    }
}
