package org.duhbalkana.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duhbalkana.platform.config.Settings;

/**
 * Sends queued mail through the SMTP server of {@code MAIL_HOST}/{@code MAIL_PORT} once the
 * transaction that queued it has committed, on the server's managed executor: the request or job
 * that wrote the mail does not wait for the SMTP server (a batch of 500 update mails, a surge of
 * signatures). A mail the executor cannot take now is sent by {@link MailRetry} within a minute or
 * two. Without an SMTP server mail stays in the outbox, where the dev outbox page shows it in
 * demo mode.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    Settings settings;

    @Inject
    MailOutbox outbox;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        if (settings.mail().isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> deliver(queued.id()));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            LOG.fine(() -> "Mail " + queued.id() + " left for the retry: the executor is busy");
        }
    }

    /** What one delivery attempt came to. */
    public enum Attempt {
        /** Handed to the SMTP server. */
        SENT,
        /** Not attempted: no SMTP server configured, already sent, given up, not yet its turn, or taken by another instance. */
        NOT_TAKEN,
        /** The server refused this mail (it is tried again later; the others may still go). */
        REFUSED,
        /** The server could not be reached: the mails after this one need not be tried now. */
        SERVER_AWAY
    }

    /** One delivery attempt, if an SMTP server is configured and the mail is still to be sent. */
    public Attempt deliver(long id) {
        if (settings.mail().isEmpty()) {
            return Attempt.NOT_TAKEN;
        }
        Optional<MailMessage> claimed = outbox.claim(id);
        if (claimed.isEmpty()) {
            return Attempt.NOT_TAKEN;
        }
        try {
            Transport.send(mime(claimed.get(), settings.mail().get()));
        } catch (MessagingException e) {
            boolean away = unreachable(e);
            // Logged without the address or the body: they are personal data.
            LOG.log(away ? Level.FINE : Level.WARNING, () -> "Mail " + id + " could not be sent now (will retry): " + e.getMessage());
            return away ? Attempt.SERVER_AWAY : Attempt.REFUSED;
        }
        outbox.delivered(id);
        return Attempt.SENT;
    }

    /** Whether the failure is the server's absence (no connection, a timeout) rather than a refusal of this mail. */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private MimeMessage mime(MailMessage message, Settings.Mail smtp) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(properties);
        MimeMessage mime = new MimeMessage(session);
        InternetAddress[] from = InternetAddress.parse(settings.mailFrom());
        mime.setFrom(from[0]);
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.getRecipient()));
        mime.setSubject(message.getSubject(), "UTF-8");
        mime.setText(message.getBody(), "UTF-8");
        mime.setSentDate(new Date());
        return mime;
    }
}
