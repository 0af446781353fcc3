package org.duhbalkana.account;

/** The security groups (roles) a signed-in account can be in. */
public final class Groups {

    /** Every account whose e-mail address is verified. */
    public static final String CITIZEN = "citizen";
    /** An account that has signed in but not yet verified its address. */
    public static final String UNVERIFIED = "unverified";
    public static final String ORGANIZER = "organizer";
    /** Reviewer of at least one municipality; which one is checked by the services. */
    public static final String REVIEWER = "reviewer";
    public static final String MODERATOR = "moderator";
    public static final String ADMINISTRATOR = "administrator";

    private Groups() {
    }
}
