package vn.directivetracker.notification;

import jakarta.mail.util.StreamProvider;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Names Jakarta Mail's {@link StreamProvider} once, as the system property its factory reads first.
 *
 * <p>Why (issue 11, ADR 25): Jakarta Mail 2.1 asks {@code StreamProvider.provider()} for every header
 * it decodes and every body part it encodes, and each call runs a {@link ServiceLoader} lookup over
 * the whole class path (every jar's {@code META-INF/services}). In the 10,000-reminder profile that
 * was ~38 % of the mail sender threads' CPU (and as much of GreenMail's in the benchmark). With the
 * property set, the factory instantiates the named class directly. The class is the one the
 * ServiceLoader finds — nothing is chosen here — and an operator's own {@code -D} setting wins. If the
 * class ever cannot be loaded through a thread's class loader, Jakarta Mail falls back to the lookup.
 */
final class MailStreamProvider {

    static final String PROPERTY = StreamProvider.class.getName();

    private MailStreamProvider() {
    }

    /** @return the provider class named in the property (this call's or an earlier setting) */
    static synchronized Optional<String> pin() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            return Optional.of(named);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Optional<String> found = ServiceLoader.load(StreamProvider.class, loader != null ? loader : MailStreamProvider.class.getClassLoader())
                .findFirst()
                .map(provider -> provider.getClass().getName());
        found.ifPresent(name -> System.setProperty(PROPERTY, name));
        return found;
    }
}
