package org.duhbalkana.notification;

/** A mail was written to the outbox; delivered once the transaction that wrote it commits. */
public record MailQueued(long id) {
}
