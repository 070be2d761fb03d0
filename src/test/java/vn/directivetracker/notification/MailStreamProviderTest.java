package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * ADR 25: the stream provider is named once as the system property Jakarta Mail reads first, and it
 * is the very class the service lookup would have found (so nothing changes but the lookup's cost).
 */
class MailStreamProviderTest {

    @Test
    void namesTheProviderTheServiceLookupFindsAndJakartaMailUsesIt() {
        String found = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();

        assertThat(MailStreamProvider.pin()).contains(found);

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(found);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(found);
        // A second call (a second dispatcher in the same JVM, as the two-node tests build) keeps it.
        assertThat(MailStreamProvider.pin()).contains(found);
    }
}
