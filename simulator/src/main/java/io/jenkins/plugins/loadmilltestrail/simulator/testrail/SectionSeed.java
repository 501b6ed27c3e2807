package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Seeds cases and sub-sections into one section. */
public final class SectionSeed {
    private final TestRailStore store;
    private final SimSection section;

    SectionSeed(TestRailStore store, SimSection section) {
        this.store = store;
        this.section = section;
    }

    public long id() {
        return section.id();
    }

    public SimSection section() {
        return section;
    }

    public SimCase addCase(String title) {
        return store.addCase(section.id(), title, Map.of());
    }

    /** A case with extra fields (e.g. "custom_automation_id" → "checkout.pay"). */
    public SimCase addCase(String title, Map<String, Object> fields) {
        return store.addCase(section.id(), title, fields);
    }

    /** {@code count} cases titled "prefix 1".."prefix count" (for big suites in benchmarks). */
    public List<SimCase> addCases(String prefix, int count) {
        List<SimCase> added = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            added.add(addCase(prefix + " " + i));
        }
        return added;
    }

    public SectionSeed addSection(String name) {
        return new SectionSeed(store, store.addSection(section.suiteId(), section.id(), name, ""));
    }
}
