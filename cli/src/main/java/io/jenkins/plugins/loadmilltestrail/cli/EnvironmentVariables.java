package io.jenkins.plugins.loadmilltestrail.cli;

/** The environment variables the CLI reads; each has a flag that overrides it. */
final class EnvironmentVariables {
    static final String LOADMILL_URL = "LOADMILL_URL";
    static final String LOADMILL_API_TOKEN = "LOADMILL_API_TOKEN";
    static final String TESTRAIL_URL = "TESTRAIL_URL";
    static final String TESTRAIL_USER = "TESTRAIL_USER";
    static final String TESTRAIL_API_KEY = "TESTRAIL_API_KEY";

    private EnvironmentVariables() {}
}
