package vn.directivetracker.notification;

/** Two dispatchers on the embedded default's database (H2 2.x: FOR UPDATE SKIP LOCKED too). */
class TwoNodeDispatchOnH2Test extends TwoNodeDispatchScenario {

    @Override
    protected boolean bothNodesAlwaysTakePart() {
        return false;
    }
}
