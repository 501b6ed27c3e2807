package io.jenkins.plugins.loadmilltestrail.plugin;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void importsEverySetting(JenkinsConfiguredWithCodeRule j) {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        assertEquals("https://example.testrail.io/", config.getTestRailUrl());
        assertEquals("testrail-api", config.getTestRailCredentialsId());
        assertEquals(120, config.getTestRailRequestsPerMinute());
        assertEquals(60, config.getTestRailRetryWaitSeconds());
        assertEquals(5, config.getConnectTimeoutSeconds());
        assertEquals(30, config.getReadTimeoutSeconds());
        assertEquals(90, config.getCallTimeoutSeconds());
        assertEquals("https://app.loadmill.com", config.getLoadmillUrl());
        assertEquals("loadmill-token", config.getLoadmillCredentialsId());
        assertTrue(config.isAutoCreate());
        assertEquals("API", config.getSection());
        assertTrue(config.isCloseRun());
        assertEquals("FLAKY=retest", config.getStatusMapping());
        assertEquals(45, config.getLoadmillTimeoutMinutes());
        assertEquals(5, config.getLoadmillPollIntervalSeconds());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsWhatItImported(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("loadmillTestRail");
        assertEquals(toStringFromYamlFile(this, "configuration-as-code-expected.yml"), toYamlString(node));
    }
}
