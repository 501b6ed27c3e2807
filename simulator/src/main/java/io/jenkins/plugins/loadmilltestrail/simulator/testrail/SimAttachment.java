package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A file uploaded with add_attachment_to_result. */
public record SimAttachment(String id, long resultId, String name, String contentType, byte[] data) {
    public SimAttachment {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The content as UTF-8 text (the product uploads text files). */
    public String text() {
        return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }
}
