package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;

/** Messages about the user failed tests are assigned to ({@link PublishSettings#assignFailed()}). */
final class AssignFailed {
    private AssignFailed() {}

    /** TestRail knows no user with {@code email} (get_user_by_email answered 400). */
    static String unknownUser(String email, TestRailException e) {
        return "The user to assign failed tests to (--assign-failed) '" + email + "' is not a TestRail user"
                + (e.serverError().isEmpty() ? "" : " (TestRail said: " + e.serverError() + ")")
                + ". Give the email a TestRail user signs in with, or leave the setting empty.";
    }

    /** The credentials may not look users up (get_user_by_email answered 403). */
    static String notAllowed(String email, TestRailException e) {
        return "The user to assign failed tests to (--assign-failed) '" + email + "' cannot be looked up: TestRail "
                + "refused get_user_by_email for this user (HTTP 403"
                + (e.serverError().isEmpty() ? "" : ": " + e.serverError()) + "). Use credentials that may see "
                + "users, or leave the setting empty.";
    }
}
