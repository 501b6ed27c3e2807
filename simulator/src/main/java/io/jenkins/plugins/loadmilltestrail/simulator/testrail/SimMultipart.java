package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body (RFC 7578) into a JSON object for the endpoints: each part by
 * its form-field name; a file part as {@code {"filename", "content_type", "data" (base64)}}, a plain
 * field as its text.
 */
final class SimMultipart {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

    private SimMultipart() {}

    static boolean is(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The parts, or empty when the body is not well-formed multipart with the declared boundary. */
    static Optional<ObjectNode> parse(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return Optional.empty();
        }
        // ISO-8859-1 maps each byte to one char, so offsets are byte offsets and data stays exact.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        ObjectNode parts = TestRailViews.MAPPER.createObjectNode();
        int at = text.indexOf(delimiter);
        if (at < 0) {
            return Optional.empty();
        }
        while (true) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                return Optional.of(parts);
            }
            int headersEnd = text.indexOf("\r\n\r\n", start);
            int next = text.indexOf("\r\n" + delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String headers = text.substring(start, headersEnd);
            byte[] data = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                return Optional.empty();
            }
            Matcher filename = FILENAME.matcher(headers);
            if (filename.find()) {
                String type = "application/octet-stream";
                for (String line : headers.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                        type = line.substring("content-type:".length()).trim();
                    }
                }
                parts.putObject(name.group(1)).put("filename", filename.group(1)).put("content_type", type)
                        .put("data", Base64.getEncoder().encodeToString(data));
            } else {
                parts.put(name.group(1), new String(data, StandardCharsets.UTF_8));
            }
            at = next + 2;
        }
    }
}
