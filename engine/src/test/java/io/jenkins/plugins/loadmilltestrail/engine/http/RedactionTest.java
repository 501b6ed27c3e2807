package io.jenkins.plugins.loadmilltestrail.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Loadmill: the token is the user, the password empty
        "loadmill-token-123:|token loadmill-token-123 rejected|token **** rejected",
        // TestRail: the key is the password; the user (an email) stays
        "ci@example.com:s3cr3t-key|ci@example.com used s3cr3t-key|ci@example.com used ****",
        // too short to hide without hiding ordinary words
        "ab:|a cab|a cab",
        "ci@example.com:key|no secret here|no secret here"})
    void hidesTheCredentialsOfBasicAuth(String credentials, String text, String expected) {
        assertThat(Redaction.hideCredentials(text, basic(credentials))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Basic |x", "''|x", "Bearer|x"})
    void toleratesOddHeaders(String authorization, String text) {
        assertThat(Redaction.hideCredentials(text, authorization)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void hidesTheEncodedHeaderValueAndOtherSchemes() {
        String header = basic("ci@example.com:s3cr3t-key");
        String encoded = header.substring("Basic ".length());

        assertThat(Redaction.hideCredentials("echo: " + header, header)).isEqualTo("echo: Basic ****");
        assertThat(Redaction.hideCredentials("echo " + encoded, header)).isEqualTo("echo ****");
        assertThat(Redaction.hideCredentials("bearer abcdef", "Bearer abcdef")).isEqualTo("bearer ****");
    }

    @org.junit.jupiter.api.Test
    void hidesTheDecodedPairWholeAndTheJsonEscapedForm() {
        String header = basic("ci@example.com:key/with/slash??");
        String escaped = header.substring("Basic ".length()).replace("/", "\\/");

        assertThat(Redaction.hideCredentials("Credentials: ci@example.com:key/with/slash??", header))
                .isEqualTo("Credentials: ****");
        assertThat(Redaction.hideCredentials("{\"auth\":\"Basic " + escaped + "\",\"key\":\"key\\/with\\/slash??\"}", header))
                .isEqualTo("{\"auth\":\"Basic ****\",\"key\":\"****\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.testrail.io/|https://example.testrail.io/",
        "https://ci:pw@example.testrail.io/x|https://****@example.testrail.io/x",
        "https://ci:pass word@host|https://****@host",
        "https://a@b:c@host:8080/p?q=1|https://****@host:8080/p?q=1",
        "https://host/path@v2|https://host/path@v2",
        "user:pw@host/x|****@host/x",
        "''|''"})
    void hidesUserInfoEvenInInvalidUrls(String url, String expected) {
        assertThat(Redaction.withoutUserInfo(url)).isEqualTo(expected);
    }
}
