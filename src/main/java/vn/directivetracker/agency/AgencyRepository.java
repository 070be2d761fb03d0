package vn.directivetracker.agency;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.ReadsOfThisTransaction;

@Repository
public class AgencyRepository {

    /**
     * This repository's kind of {@link ReadsOfThisTransaction}: an agency and whether a code is a set
     * are read once per transaction (a fan-out chunk asked for each child's agency twice, the planner
     * for every code of a letter); {@link #upsert} and {@link #replaceSet} forget them first.
     */
    private static final String READS = "agency";

    private final JdbcClient jdbc;

    public AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Agency> find(String code) {
        return ReadsOfThisTransaction.get(READS, "agency:" + code,
                () -> jdbc.sql("select * from agency where code = ?").param(code).query(this::map).optional());
    }

    public List<Agency> findAllActive() {
        return jdbc.sql("select * from agency where active = true order by kind, code").query(this::map).list();
    }

    public List<Agency> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Agency> found = jdbc.sql("select * from agency where code in (:codes) order by code")
                .param("codes", codes)
                .query(this::map)
                .list();
        // Kept as find(code) keeps them: the agencies of a letter or of a fan-out chunk are asked
        // for one by one right after (ADR 30).
        found.forEach(agency -> ReadsOfThisTransaction.put(READS, "agency:" + agency.code(), Optional.of(agency)));
        return found;
    }

    public boolean isSet(String code) {
        return ReadsOfThisTransaction.get(READS, "set:" + code,
                () -> jdbc.sql("select count(*) from agency_set where code = ?").param(code).query(Integer.class).single() > 0);
    }

    /** Which of these codes name a set. */
    public java.util.Set<String> setsAmong(Collection<String> codes) {
        if (codes.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select code from agency_set where code in (:codes)")
                .param("codes", codes)
                .query(String.class)
                .list());
    }

    /** Active members of a set, in registry order. */
    public List<String> membersOfSet(String setCode) {
        return jdbc.sql("""
                        select a.code from agency_set_member m join agency a on a.code = m.agency_code
                        where m.set_code = ? and a.active = true order by a.kind, a.code""")
                .param(setCode)
                .query(String.class)
                .list();
    }

    public Optional<String> setName(String setCode) {
        return jdbc.sql("select name from agency_set where code = ?").param(setCode).query(String.class).optional();
    }

    public void upsert(Agency agency) {
        ReadsOfThisTransaction.forget(READS);
        int updated = jdbc.sql("""
                        update agency set kind = :kind, name = :name, short_name = :shortName, email = :email,
                               head_email = :headEmail, active = :active where code = :code""")
                .params(params(agency))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into agency (code, kind, name, short_name, email, head_email, active)
                            values (:code, :kind, :name, :shortName, :email, :headEmail, :active)""")
                    .params(params(agency))
                    .update();
        }
    }

    /** Whether the set exists with this name and exactly these members (active or not). */
    public boolean setUnchanged(String code, String name, Collection<String> memberCodes) {
        List<String> names = jdbc.sql("select name from agency_set where code = ?").param(code).query(String.class).list();
        if (names.size() != 1 || !names.get(0).equals(name)) {
            return false;
        }
        java.util.Set<String> stored = new java.util.HashSet<>(jdbc.sql("select agency_code from agency_set_member where set_code = ?")
                .param(code).query(String.class).list());
        return stored.equals(new java.util.HashSet<>(memberCodes));
    }

    /** Replaces a set's definition with its current members. */
    public void replaceSet(String code, String name, Collection<String> memberCodes) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("delete from agency_set_member where set_code = ?").param(code).update();
        if (jdbc.sql("update agency_set set name = ? where code = ?").params(name, code).update() == 0) {
            jdbc.sql("insert into agency_set (code, name) values (?, ?)").params(code, name).update();
        }
        for (String member : memberCodes) {
            jdbc.sql("insert into agency_set_member (set_code, agency_code) values (?, ?)")
                    .params(code, member)
                    .update();
        }
    }

    private static java.util.Map<String, Object> params(Agency a) {
        var map = new java.util.HashMap<String, Object>();
        map.put("code", a.code());
        map.put("kind", a.kind().name());
        map.put("name", a.name());
        map.put("shortName", a.shortName());
        map.put("email", a.email());
        map.put("headEmail", a.headEmail());
        map.put("active", a.active());
        return map;
    }

    private Agency map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Agency(
                rs.getString("code"),
                AgencyKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("email"),
                rs.getString("head_email"),
                rs.getBoolean("active"));
    }
}
