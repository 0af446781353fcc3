package org.duhbalkana.campaign;

import java.time.Instant;

/** The little of a campaign that signing needs: whether its petition takes signatures, and what a mail names. */
public record PetitionWindow(long id, String slug, String title, CampaignStatus status, boolean petition, Instant deadline) {

    /** Public with a petition: it can be signed or, once closed, is answered as closed. */
    boolean isPublicPetition() {
        return status.isPublic() && petition;
    }

    /** The rule of {@link Campaign#takesSignatures(Instant)}. */
    boolean takesSignatures(Instant now) {
        return Campaign.takesSignatures(petition, status, deadline, now);
    }

    /** The topic its mails to signers are written under (deleted with the signers' data). */
    String mailTopic() {
        return Campaign.mailTopic(id);
    }
}
