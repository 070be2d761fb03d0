package vn.directivetracker.agency;

import java.util.List;
import java.util.Set;

/**
 * A named set of agencies as letters write them ("UBND các xã, phường"): defined by kinds, by an
 * explicit member list, or both.
 */
public record AgencySet(String code, String name, Set<AgencyKind> kinds, List<String> members) {}
