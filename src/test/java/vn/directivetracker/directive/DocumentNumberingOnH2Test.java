package vn.directivetracker.directive;

class DocumentNumberingOnH2Test extends DocumentNumberingScenario {}
