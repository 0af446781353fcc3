package org.duhbalkana.account;

/**
 * The roles an administrator grants. Being a citizen needs no grant (every verified account is
 * one), and a reviewer is granted per municipality ({@link Account#reviewerOf()}).
 */
public enum Role {
    ORGANIZER,
    MODERATOR,
    ADMINISTRATOR;

    /** The security group of this role, as pages and {@code @RolesAllowed} name it. */
    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
