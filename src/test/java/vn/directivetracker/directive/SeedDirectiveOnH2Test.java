package vn.directivetracker.directive;

/** The seed scenario on the embedded default database. */
class SeedDirectiveOnH2Test extends SeedDirectiveScenario {}
