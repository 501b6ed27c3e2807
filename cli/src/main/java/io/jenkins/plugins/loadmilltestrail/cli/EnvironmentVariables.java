package io.jenkins.plugins.loadmilltestrail.cli;

/** The environment variables the CLI reads; each has a flag that overrides it. */
final class EnvironmentVariables {
    static final String LOADMILL_URL = "LOADMILL_URL";
    static final String LOADMILL_API_TOKEN = "LOADMILL_API_TOKEN";
    static final String TESTRAIL_URL = "TESTRAIL_URL";
    static final String TESTRAIL_USER = "TESTRAIL_USER";
    static final String TESTRAIL_API_KEY = "TESTRAIL_API_KEY";
    static final String LOADMILL_CONNECT_TIMEOUT = "LOADMILL_CONNECT_TIMEOUT";
    static final String LOADMILL_READ_TIMEOUT = "LOADMILL_READ_TIMEOUT";
    static final String LOADMILL_CALL_TIMEOUT = "LOADMILL_CALL_TIMEOUT";
    static final String TESTRAIL_CONNECT_TIMEOUT = "TESTRAIL_CONNECT_TIMEOUT";
    static final String TESTRAIL_READ_TIMEOUT = "TESTRAIL_READ_TIMEOUT";
    static final String TESTRAIL_CALL_TIMEOUT = "TESTRAIL_CALL_TIMEOUT";

    private EnvironmentVariables() {}
}
