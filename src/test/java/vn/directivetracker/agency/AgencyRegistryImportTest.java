package vn.directivetracker.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * The start-up import reads the groups in one query and leaves unchanged sets alone (issue 11): it
 * must still repair a renamed group and a set that lost a member, and change nothing on a second run.
 */
class AgencyRegistryImportTest extends IntegrationTest {

    @Autowired AgencyRegistryImport registryImport;

    @Test
    void aSecondRunChangesNothingAndDriftIsRepaired() {
        registryImport.run();
        long members = count("agency_set_member");
        long groups = identityService.createGroupQuery().count();
        registryImport.run();
        assertThat(count("agency_set_member")).isEqualTo(members);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);

        Group sngv = identityService.createGroupQuery().groupId("SNGV").singleResult();
        String name = sngv.getName();
        sngv.setName("tên cũ");
        identityService.saveGroup(sngv);
        jdbc.sql("delete from agency_set_member where set_code = 'ALL_AGENCIES' and agency_code = 'SNGV'").update();

        registryImport.run();

        assertThat(identityService.createGroupQuery().groupId("SNGV").singleResult().getName()).isEqualTo(name);
        assertThat(count("agency_set_member")).isEqualTo(members);
        assertThat(jdbc.sql("select count(*) from agency_set_member where set_code = 'ALL_AGENCIES' and agency_code = 'SNGV'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
