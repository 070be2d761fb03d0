package vn.directivetracker.bench;

/**
 * How big each figure's data set is. {@code -Dbench.size=target} gives the sizes of issue 11; each
 * can also be set on its own ({@code -Dbench.letters=50}). Defaults keep a run within ~10 minutes
 * on the 2-core build machine.
 */
record BenchSizes(String name, int repeats, int letters, int reminders, int openTasks, int assignments,
        int requests, int statRequests) {

    static BenchSizes fromSystemProperties() {
        boolean target = "target".equals(System.getProperty("bench.size", "default"));
        return new BenchSizes(target ? "target" : "default",
                size("bench.repeats", 5),
                size("bench.letters", target ? 100 : 20),
                size("bench.reminders", target ? 10_000 : 2_000),
                size("bench.tasks", target ? 100_000 : 20_000),
                size("bench.assignments", target ? 1_000_000 : 200_000),
                size("bench.requests", 1_000),
                size("bench.statRequests", target ? 40 : 60));
    }

    /** The assignments of one letter: the registry's agencies on item 1, the rest of 170 on item 2. */
    static final int LETTER_ASSIGNMENTS = 170;

    private static final java.util.List<String> KEYS = java.util.List.of("bench.letters", "bench.reminders", "bench.tasks",
            "bench.assignments", "bench.repeats", "bench.requests", "bench.statRequests");

    /** The command that reproduces this run's sizes. */
    String command() {
        StringBuilder command = new StringBuilder("./mvnw -B -Pbench verify");
        if ("target".equals(name)) {
            command.append(" -Dbench.size=target");
        }
        KEYS.stream().filter(key -> !System.getProperty(key, "").isBlank())
                .forEach(key -> command.append(" -D").append(key).append('=').append(System.getProperty(key).trim()));
        return command.toString();
    }

    private static int size(String key, int fallback) {
        String value = System.getProperty(key, "");
        return value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    @Override
    public String toString() {
        return name + ": repeats=" + repeats + ", letters=" + letters + " × " + LETTER_ASSIGNMENTS + ", reminders=" + reminders
                + ", open tasks=" + openTasks + ", assignments=" + assignments + ", task-list requests=" + requests
                + ", statistics/dashboard requests=" + statRequests;
    }
}
