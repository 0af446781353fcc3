package org.duhbalkana.web.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the running site over plain HTTP, with its own cookies, filling in and sending
 * the site's Faces forms as a browser would (the hidden view state included). Redirects are not
 * followed, so tests can see them.
 */
public final class WebSession {

    private final RunningSite site;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final String language;

    /** A visitor whose browser asks for this language and who chose it on this device (the language cookie). */
    public WebSession(RunningSite site, String language) {
        this(site, language, true);
    }

    private WebSession(RunningSite site, String language, boolean chosen) {
        this.site = site;
        this.language = language;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (chosen) {
            java.net.HttpCookie cookie = new java.net.HttpCookie("lang", language);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(site.uri("/"), cookie);
        }
    }

    /** A visitor on a device where no language was chosen: only the browser's Accept-Language. */
    public static WebSession withoutLanguageChoice(RunningSite site, String acceptLanguage) {
        return new WebSession(site, acceptLanguage, false);
    }

    /** A session signed in with this address and password (fails if sign-in does not succeed). */
    public static WebSession signedIn(RunningSite site, String email, String password) {
        WebSession session = new WebSession(site, "en");
        Page done = session.signIn(email, password);
        if (done.status() != 302) {
            throw new AssertionError("sign-in of " + email + " failed: " + done.status() + " " + done.messages());
        }
        return session;
    }

    public Page signIn(String email, String password) {
        return submit(get("/account/sign-in.xhtml"), "signIn", Map.of("email", email, "password", password), "submit");
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(site.uri(path)).GET());
    }

    /** Follows a redirect, if the page is one. */
    public Page follow(Page page) {
        String location = page.location();
        if (location == null) {
            return page;
        }
        return send(HttpRequest.newBuilder(page.uri().resolve(location)).GET());
    }

    /**
     * Fills in the form {@code formId} of the page with the given fields (names without the form's
     * prefix) and presses {@code button}; hidden fields (view state) are sent as they are.
     */
    public Page submit(Page page, String formId, Map<String, String> fields, String button) {
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields(formId));
        form.put(formId, formId);
        fields.forEach((name, value) -> form.put(formId + ":" + name, value));
        if (button != null) {
            form.put(formId + ":" + button, "x");
        }
        return post(page.formAction(formId), form);
    }

    /**
     * As {@link #submit(Page, String, Map, String)}, with fields that may repeat (several values of
     * a multiple choice), in order.
     */
    public Page submit(Page page, String formId, List<Map.Entry<String, String>> fields, String button) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        page.hiddenFields(formId).forEach((name, value) -> form.add(Map.entry(name, value)));
        form.add(Map.entry(formId, formId));
        fields.forEach(f -> form.add(Map.entry(formId + ":" + f.getKey(), f.getValue())));
        if (button != null) {
            form.add(Map.entry(formId + ":" + button, "x"));
        }
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(site.uri(page.formAction(formId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts exactly these fields to the path (for forged and replayed requests). */
    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(site.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Accept-Language", language)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().map(), response.uri());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as a test reads it. */
    public record Page(int status, String body, Map<String, List<String>> headers, URI uri) {

        public String location() {
            List<String> values = headers.get("location");
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String h1() {
            Matcher m = Pattern.compile("<h1(?: [^>]*)?>(.*?)</h1>", Pattern.DOTALL).matcher(body);
            return m.find() ? m.group(1).strip() : "";
        }

        /** The texts of all Faces messages shown (global and per field). */
        public List<String> messages() {
            Matcher m = Pattern.compile("<li[^>]*>(.*?)</li>|<span[^>]*class=\"field-error\"[^>]*>(.*?)</span>",
                    Pattern.DOTALL).matcher(listsOfMessages());
            List<String> found = new java.util.ArrayList<>();
            while (m.find()) {
                String text = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
                if (text.startsWith("<a ")) {
                    continue; // a field's error in the error summary: the field's own message is counted
                }
                found.add(unescape(text));
            }
            return found;
        }

        private String listsOfMessages() {
            Matcher lists = Pattern.compile("<ul[^>]*class=\"(form-errors|form-messages|error-summary-list)\"[^>]*>.*?</ul>"
                    + "|<span[^>]*class=\"field-error\"[^>]*>.*?</span>", Pattern.DOTALL).matcher(body);
            StringBuilder all = new StringBuilder();
            while (lists.find()) {
                all.append(lists.group()).append('\n');
            }
            return all.toString();
        }

        /** The message shown next to a field, if any. */
        public String fieldError(String formId, String field) {
            Matcher m = Pattern.compile("<span id=\"" + Pattern.quote(formId + ":" + field + "-error")
                    + "\"[^>]*>(.*?)</span>", Pattern.DOTALL).matcher(body);
            return m.find() ? unescape(m.group(1).strip()) : "";
        }

        public String formAction(String formId) {
            Matcher m = formTag(formId);
            Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(m.group(1));
            if (!action.find()) {
                throw new AssertionError("form " + formId + " has no action");
            }
            return unescape(action.group(1));
        }

        public Map<String, String> hiddenFields(String formId) {
            Matcher m = formTag(formId);
            Map<String, String> hidden = new LinkedHashMap<>();
            Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(m.group(2));
            while (input.find()) {
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(input.group());
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
                if (name.find()) {
                    hidden.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
                }
            }
            return hidden;
        }

        public boolean hasForm(String formId) {
            return Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"").matcher(body).find();
        }

        private Matcher formTag(String formId) {
            Matcher m = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"([^>]*)>(.*?)</form>", Pattern.DOTALL)
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form " + formId + " on " + uri + " (" + status + ")");
            }
            return m;
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }
}
