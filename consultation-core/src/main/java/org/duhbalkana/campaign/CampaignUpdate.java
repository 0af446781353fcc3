package org.duhbalkana.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duhbalkana.account.Account;

/** News an organizer posts on the campaign page and mails to the signers who asked for it. */
@Entity
@Table(name = "campaign_update")
public class CampaignUpdate {

    public static final int MAX_BODY = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false)
    private Campaign campaign;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Account author;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    protected CampaignUpdate() {
        // for JPA
    }

    CampaignUpdate(Campaign campaign, Account author, String body, Instant now) {
        if (!campaign.status().isPublic()) {
            throw new CampaignRuleBroken("campaign.error.notPublished");
        }
        this.campaign = campaign;
        this.author = author;
        this.body = Texts.required(body, MAX_BODY, "campaign.error.update");
        this.postedAt = now;
    }

    public Long id() {
        return id;
    }

    public String body() {
        return body;
    }

    public Instant postedAt() {
        return postedAt;
    }
}
