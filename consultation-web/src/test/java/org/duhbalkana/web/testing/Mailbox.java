package org.duhbalkana.web.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) on a free port, and the mail it received. */
public final class Mailbox implements AutoCloseable {

    private final GreenMail server;
    private final int port;

    public Mailbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The configuration keys that send the site's mail here. */
    public Map<String, String> environment() {
        return Map.of("MAIL_HOST", "127.0.0.1", "MAIL_PORT", Integer.toString(port),
                "MAIL_FROM", "Duh Balkana <noreply@duhbalkana.test>");
    }

    /** A received mail, decoded. */
    public record Mail(String to, String subject, String body) {

        /** The first link in the body that goes to this path. */
        public String link(String path) {
            Matcher m = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\S*").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link to " + path + " in: " + body);
            }
            return m.group();
        }
    }

    /** Waits up to 20 seconds for the newest mail to this address whose subject contains the text. */
    public Mail await(String to, String subjectContains) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            Optional<Mail> found = find(to, subjectContains);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail to " + to + " with '" + subjectContains + "' within 20 s; received: "
                + Arrays.stream(server.getReceivedMessages()).map(Mailbox::describe).toList());
    }

    public Optional<Mail> find(String to, String subjectContains) {
        MimeMessage[] messages = server.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            Mail mail = read(messages[i]);
            if (mail.to().equalsIgnoreCase(to) && mail.subject().contains(subjectContains)) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    /** Every mail received so far, oldest first (read once: for tests that handle thousands). */
    public java.util.List<Mail> all() {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read).toList();
    }

    public int count(String to) {
        return (int) Arrays.stream(server.getReceivedMessages()).map(Mailbox::read)
                .filter(m -> m.to().equalsIgnoreCase(to)).count();
    }

    private static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    message.getContent().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MimeMessage message) {
        Mail mail = read(message);
        return mail.to() + ": " + mail.subject();
    }

    @Override
    public void close() {
        server.stop();
    }
}
