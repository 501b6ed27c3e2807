package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.List;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Stored credentials shared by the tests; the secrets are long so FIPS mode would accept them too. */
final class TestCredentials {
    static final String TESTRAIL_ID = "testrail-api";
    static final String TESTRAIL_USER = "qa-bot@example.com";
    static final String TESTRAIL_KEY = "trKey-9f8e7d6c5b4a39281706";
    static final String LOADMILL_ID = "loadmill-token";
    static final String LOADMILL_TOKEN = "lmToken-0a1b2c3d4e5f60718293";

    private TestCredentials() {}

    /** Adds both credentials to the global store. */
    static void add() throws Exception {
        add(TESTRAIL_KEY, LOADMILL_TOKEN);
    }

    /** Adds both credentials with the given secrets (a simulator may expect its own). */
    static void add(String testRailKey, String loadmillToken) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, TESTRAIL_ID, "TestRail", TESTRAIL_USER, testRailKey));
        store.getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, LOADMILL_ID, "Loadmill", Secret.fromString(loadmillToken)));
        store.save();
    }

    /** Replaces the Loadmill token credential's secret. */
    static void replaceLoadmillToken(String token) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .removeIf(c -> c instanceof IdCredentials id && id.getId().equals(LOADMILL_ID));
        store.getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, LOADMILL_ID, "Loadmill", Secret.fromString(token)));
        store.save();
    }

    static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).collect(Collectors.toList());
    }
}
