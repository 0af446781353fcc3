package org.duhbalkana.web.work;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.duhbalkana.campaign.CampaignStatus;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Translated;
import org.duhbalkana.work.MyWork;

/**
 * {@code work/index.xhtml}: what the signed-in person has to do, by their roles: a reviewer's
 * draft rounds, the comments waiting for their answers and their invitations; an organizer's
 * campaigns; a moderator's queues; everyone's own comments still waiting for an answer. Titles
 * in the reader's language when translated, Serbian in the reader's script, each marked with its
 * {@code lang}.
 */
@Named("myWork")
@RequestScoped
public class MyWorkBacking {

    @Inject
    MyWork work;

    @Inject
    LanguageBacking language;

    private MyWork.Summary summary;

    public MyWork.Summary getSummary() {
        if (summary == null) {
            summary = work.mine();
        }
        return summary;
    }

    public List<MyWork.CampaignItem> getCampaignDrafts() {
        return getSummary().campaigns().stream().filter(c -> c.status() == CampaignStatus.DRAFT).toList();
    }

    public List<MyWork.CampaignItem> getCampaignsUnderWay() {
        return getSummary().campaigns().stream().filter(c -> c.status() != CampaignStatus.DRAFT).toList();
    }

    /** A round's or campaign's title as shown, and its {@code lang}. */
    public Translated round(MyWork.RoundItem r) {
        return shown(r.title(), r.language(), r.asWritten(), r.translations());
    }

    public Translated campaign(MyWork.CampaignItem c) {
        return shown(c.title(), c.language(), c.asWritten(), c.translations());
    }

    public Translated roundOf(MyWork.WaitingComment c) {
        return shown(c.roundTitle(), c.roundLanguage(), c.asWritten(), c.translations());
    }

    private Translated shown(String title, org.duhbalkana.text.Language written, boolean asWritten,
            List<org.duhbalkana.text.Translation> translations) {
        var reader = language.getCurrent();
        return Translated.of(title, "", written, asWritten,
                org.duhbalkana.text.Translation.forReader(translations, written, reader), reader, false);
    }

    /** The opening words of one's comment, in the reader's script. */
    public String excerpt(MyWork.WaitingComment c) {
        String text = RoundText.commentForReader(c.body(), language.getCurrent(), c.commentAsWritten());
        if (text.codePointCount(0, text.length()) <= 140) {
            return text;
        }
        // cut by characters, not UTF-16 units: an emoji is never split in two
        return text.substring(0, text.offsetByCodePoints(0, 139)).stripTrailing() + "…";
    }

    public String excerptLang(MyWork.WaitingComment c) {
        return RoundText.commentLang(excerpt(c), language.getCurrent());
    }

    public String when(MyWork.WaitingComment c) {
        return RoundText.time(c.createdAt(), java.time.ZoneId.of("Europe/Belgrade"), language.getCurrent());
    }
}
