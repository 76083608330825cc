package app.smallwins.child;

import app.smallwins.access.ChildGrant;

/**
 * A child's record was just opened, in the transaction that opens it: features that keep
 * something for every child from its first day (media consent) write it here.
 */
public record ChildOpened(ChildGrant grant) {
}
