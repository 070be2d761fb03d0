package vn.directivetracker.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyRegistryCsvTest {

    private static final String HEADER = "code;kind;name;short_name;email;head_email\n";

    @Test
    void aQuotedNameMayContainTheSeparator() throws Exception {
        List<Agency> agencies = AgencyRegistryCsv.readAgencies(in(HEADER
                + "SXD;DEPARTMENT;\"Sở Xây dựng; Quy hoạch\";Sở XD;sxd@example.gov.vn;\n"), "agencies.csv");

        assertThat(agencies).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Sở Xây dựng; Quy hoạch");
            assertThat(a.email()).isEqualTo("sxd@example.gov.vn");
            assertThat(a.headEmail()).isNull();
        });
    }

    @Test
    void aBadLineStopsTheImportNamingFileAndLine() {
        assertThatThrownBy(() -> AgencyRegistryCsv.readAgencies(in(HEADER
                + "# comment\n"
                + "SXD;DEPARTMENT;Sở Xây dựng;Sở XD;;\n"
                + "sai;DEPARTMENT;Sở Sai;Sở S;;\n"), "agencies.csv"))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageStartingWith("agencies.csv:4: mã đơn vị 'sai'");
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
