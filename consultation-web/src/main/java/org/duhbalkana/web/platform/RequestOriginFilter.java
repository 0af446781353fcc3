package org.duhbalkana.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.network.TrustedProxies;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tells the services where a request comes from (for the per-address limits and the audit log),
 * and, behind a trusted reverse proxy ({@code TRUSTED_PROXIES}), lets the rest of the application
 * see the client's address and scheme instead of the proxy's: the request is wrapped so that
 * {@code getRemoteAddr()}, {@code isSecure()} and {@code getScheme()} say what the proxy
 * forwarded, and so HSTS and Secure cookies follow the scheme the visitor used. From any other
 * address the forwarding headers are ignored. It runs first of the filters.
 */
public class RequestOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestOrigin origin;

    private transient TrustedProxies proxies = TrustedProxies.NONE;

    @Override
    public void init() throws ServletException {
        // checked at start-up with the other keys (Settings), so a malformed value never gets here
        proxies = TrustedProxies.read(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        TrustedProxies.Client client = proxies.client(request.getRemoteAddr(), values(request, "Forwarded"),
                values(request, "X-Forwarded-For"), values(request, "X-Forwarded-Proto"));
        origin.address(client.limitKey());
        boolean changed = !client.address().equals(request.getRemoteAddr()) || client.forwardedProto().isPresent();
        chain.doFilter(changed ? new Forwarded(request, client, request.getHeader("X-Forwarded-Port")) : request, response);
    }

    private static List<String> values(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    /** The request as the visitor made it, before the proxy. */
    static final class Forwarded extends HttpServletRequestWrapper {

        private final TrustedProxies.Client client;
        private final Optional<Integer> port;

        Forwarded(HttpServletRequest request, TrustedProxies.Client client, String forwardedPort) {
            super(request);
            this.client = client;
            this.port = port(forwardedPort);
        }

        private static Optional<Integer> port(String value) {
            try {
                int port = Integer.parseInt(value == null ? "" : value.trim());
                return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String getRemoteAddr() {
            return client.address();
        }

        @Override
        public String getRemoteHost() {
            return client.address();
        }

        @Override
        public String getScheme() {
            return client.forwardedProto().orElseGet(super::getScheme);
        }

        @Override
        public boolean isSecure() {
            return client.forwardedProto().map("https"::equals).orElseGet(super::isSecure);
        }

        @Override
        public int getServerPort() {
            if (client.forwardedProto().isEmpty()) {
                return super.getServerPort();
            }
            return port.orElse("https".equals(client.forwardedProto().get()) ? 443 : 80);
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(("https".equals(getScheme()) && port == 443) || ("http".equals(getScheme()) && port == 80))) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
