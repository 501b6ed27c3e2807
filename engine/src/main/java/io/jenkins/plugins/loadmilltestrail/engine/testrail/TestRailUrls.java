package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.http.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** TestRail addresses: the API base and the web pages users open. */
public final class TestRailUrls {
    private TestRailUrls() {}

    /**
     * The server root with exactly one trailing slash, e.g. "https://host/testrail/". Accepts a
     * pasted address that already ends in index.php or index.php?/...
     */
    public static String parseBase(String baseUrl) {
        String trimmed = baseUrl.trim();
        int index = trimmed.indexOf("index.php");
        if (index >= 0) {
            trimmed = trimmed.substring(0, index);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException("The TestRail URL '" + Redaction.withoutUserInfo(baseUrl.trim())
                    + "' is not a valid URL; use the address "
                    + "you open TestRail at, e.g. https://example.testrail.io/.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingsException("The TestRail URL must be an http(s) address without user info or query, "
                    + "e.g. https://example.testrail.io/ or https://host/testrail/.");
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    /** Web page of a run: {@code <base>index.php?/runs/view/<id>}. */
    public static String runUrl(String base, long runId) {
        return parseBase(base) + "index.php?/runs/view/" + runId;
    }

    /** Web page of a plan. */
    public static String planUrl(String base, long planId) {
        return parseBase(base) + "index.php?/plans/view/" + planId;
    }

    /** Web page of a case. */
    public static String caseUrl(String base, long caseId) {
        return parseBase(base) + "index.php?/cases/view/" + caseId;
    }
}
