package org.duhbalkana.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ReportArchive;
import org.duhbalkana.consultation.ReportDocument;

/**
 * The documents of a published report, served from storage ({@link ReportArchive}): each is built
 * once (per language, for the PDF) by the first request that finds none, or finds one built from
 * an older state of the round; every other request reads the stored bytes. On one instance, one
 * request builds a document while the others asking for it wait for that build.
 */
@ApplicationScoped
public class ReportFiles {

    @Inject
    ReportArchive archive;

    @Inject
    ConsultationReader reader;

    private final ConcurrentHashMap<String, ReentrantLock> building = new ConcurrentHashMap<>();

    /** A stored document: its bytes and a validator for conditional requests. */
    public record Document(byte[] content, String etag, java.time.Instant builtAt) {
    }

    /**
     * The document of this kind and language of the slug's published report, built if need be;
     * empty if the round has no published report.
     */
    public Optional<Document> document(String slug, ReportDocument.Kind kind, String language,
            Function<ConsultationReader.Report, byte[]> build) {
        Optional<ReportArchive.Published> published = archive.published(slug);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        long roundId = published.get().roundId();
        String fingerprint = published.get().fingerprint();
        Optional<ReportArchive.Entry> stored = archive.entry(roundId, kind, language).filter(e -> e.fingerprint().equals(fingerprint));
        if (stored.isEmpty()) {
            ReentrantLock lock = building.computeIfAbsent(roundId + "/" + kind + "/" + language, k -> new ReentrantLock());
            lock.lock();
            try {
                stored = archive.entry(roundId, kind, language).filter(e -> e.fingerprint().equals(fingerprint));
                if (stored.isEmpty()) {
                    Optional<ConsultationReader.Report> report = reader.report(slug);
                    if (report.isEmpty()) {
                        return Optional.empty();
                    }
                    byte[] content = build.apply(report.get());
                    try {
                        ReportArchive.Entry entry = archive.store(roundId, kind, language, fingerprint, content);
                        return Optional.of(new Document(content, etag(entry), entry.builtAt()));
                    } catch (jakarta.ejb.EJBException raced) {
                        // another instance stored it at the same moment: read theirs below
                        stored = archive.entry(roundId, kind, language);
                        if (stored.isEmpty()) {
                            throw raced;
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
        }
        ReportArchive.Entry entry = stored.get();
        return Optional.of(new Document(archive.content(entry.id()), etag(entry), entry.builtAt()));
    }

    private static String etag(ReportArchive.Entry entry) {
        return "\"" + entry.fingerprint().substring(0, 32) + "-" + entry.id() + "\"";
    }
}
