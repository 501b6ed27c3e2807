package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * For --verbose: a detail line per TestRail and Loadmill call, retries included (each attempt is
 * a call), as trcli's -v does: method, path and query, status or failure, and time to the answer.
 * Credentials travel in headers, never shown; query values that look secret are hidden anyway.
 */
final class CallLog implements Interceptor {
    private final ProgressListener progress;

    CallLog(ProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String call = request.method() + " " + pathAndQuery(request.url());
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            progress.info(call + " -> " + response.code() + " in " + elapsed(start));
            return response;
        } catch (IOException e) {
            progress.info(call + " -> failed in " + elapsed(start) + ": " + HttpTransport.describe(e));
            throw e;
        }
    }

    private static String pathAndQuery(HttpUrl url) {
        String query = url.encodedQuery();
        String shown = url.encodedPath() + (query == null ? "" : "?" + query);
        return shown.replaceAll("(?i)((?:token|key|password|secret)[^=&]*=)[^&]*", "$1****");
    }

    private static String elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms";
    }
}
