package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/**
 * A TestRail case. Titles come back as TestRail stored them (possibly HTML-escaped).
 *
 * @param updatedOn TestRail's {@code updated_on} (UNIX seconds; 0 when TestRail gave none): the
 *     case cache's high-water mark comes from it
 */
public record TestCase(long id, long suiteId, long sectionId, String title, int displayOrder, long updatedOn) {

    /** A case whose {@code updated_on} is not known. */
    public TestCase(long id, long suiteId, long sectionId, String title, int displayOrder) {
        this(id, suiteId, sectionId, title, displayOrder, 0);
    }
}
