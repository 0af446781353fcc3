package org.duhbalkana.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie: HttpOnly, and Secure when the site is served over HTTPS ({@code BASE_URL}
 * starting with {@code https}), also behind a proxy that ends TLS. SameSite=Lax is set in
 * {@code WEB-INF/payara-web.xml}, the one place Payara reads it from.
 */
@WebListener
public class SessionCookieConfiguration implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        String baseUrl = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("BASE_URL", String.class).orElse("");
        if (baseUrl.startsWith("https://")) {
            cookie.setSecure(true);
        }
    }
}
