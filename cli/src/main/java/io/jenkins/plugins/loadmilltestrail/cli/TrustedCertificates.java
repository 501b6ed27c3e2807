package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * {@code --ca-cert FILE}: certificate authorities trusted besides the JVM's own. A server's chain
 * must still be valid for one of them, and its name must still match: nothing here trusts blindly.
 */
final class TrustedCertificates {
    private TrustedCertificates() {}

    static void applyTo(OkHttpClient.Builder builder, Path pemFile) {
        try {
            X509TrustManager trust = new Both(jvmDefault(), of(certificates(pemFile)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trust);
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingsException("--ca-cert: cannot use the certificates in " + pemFile + " (" + e.getMessage() + ").");
        }
    }

    private static Collection<? extends Certificate> certificates(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new InvalidSettingsException("--ca-cert: " + pemFile + " holds no certificate; give a PEM file "
                        + "(-----BEGIN CERTIFICATE----- ...).");
            }
            return certificates;
        } catch (IOException e) {
            throw new InvalidSettingsException("--ca-cert: cannot read " + pemFile + " (" + e.getMessage() + ").");
        } catch (CertificateException e) {
            throw new InvalidSettingsException("--ca-cert: " + pemFile + " is not a PEM file of certificates ("
                    + e.getMessage() + ").");
        }
    }

    private static X509TrustManager jvmDefault() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory);
    }

    private static X509TrustManager of(Collection<? extends Certificate> certificates) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-cert-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return x509(factory);
    }

    private static X509TrustManager x509(TrustManagerFactory factory) throws GeneralSecurityException {
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager"));
    }

    /** Trusts a server whose chain either trust manager accepts. */
    private record Both(X509TrustManager jvm, X509TrustManager added) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                jvm.checkServerTrusted(chain, authType);
            } catch (CertificateException notByJava) {
                try {
                    added.checkServerTrusted(chain, authType);
                } catch (CertificateException notByFile) {
                    notByJava.addSuppressed(notByFile);
                    throw notByJava;
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jvm.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(Arrays.asList(jvm.getAcceptedIssuers()));
            all.addAll(Arrays.asList(added.getAcceptedIssuers()));
            return all.toArray(X509Certificate[]::new);
        }
    }
}
