package org.duhbalkana.web.dev;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.notification.MailMessage;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code dev/outbox.xhtml}: the mail the platform would have sent, with its links clickable, when
 * it runs in demo mode without an SMTP server. Anywhere else the page does not exist (404).
 */
@Named("outbox")
@RequestScoped
public class OutboxBacking {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Inject
    MailOutbox outbox;

    @Inject
    Settings settings;

    private List<Shown> mails = List.of();

    /** A mail as shown: its body cut into text and links, each escaped by the page. */
    public record Shown(MailMessage mail, List<Part> parts) {
        public MailMessage getMail() {
            return mail;
        }

        public List<Part> getParts() {
            return parts;
        }
    }

    /** Text, or a link. */
    public record Part(String text, boolean link) {
        public String getText() {
            return text;
        }

        public boolean isLink() {
            return link;
        }
    }

    public static boolean available(Settings settings) {
        return settings.demo() && settings.mail().isEmpty();
    }

    public void load() {
        if (!available(settings)) {
            Messages.notFound();
            return;
        }
        mails = outbox.newest(50).stream().map(m -> new Shown(m, parts(m.getBody()))).toList();
    }

    static List<Part> parts(String body) {
        List<Part> parts = new ArrayList<>();
        if (body == null) {
            return parts;
        }
        Matcher matcher = LINK.matcher(body);
        int at = 0;
        while (matcher.find()) {
            parts.add(new Part(body.substring(at, matcher.start()), false));
            parts.add(new Part(matcher.group(), true));
            at = matcher.end();
        }
        parts.add(new Part(body.substring(at), false));
        return parts;
    }

    public List<Shown> getMails() {
        return mails;
    }
}
