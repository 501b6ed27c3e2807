package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup.Config;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TestRail configurations a publish's plan run carries ({@code --configuration}), resolved
 * against get_configs: "Group/Name", a name found in one group only, or a configuration id. A run
 * holds at most one configuration per group, so two of one group are refused: each configuration of
 * a group gets its own run, published by its own job (or its own publish).
 *
 * @param ids the configuration ids, sorted (empty: no configurations)
 * @param label "Environment/Staging, Browser/Chrome", for messages
 */
record PlanConfigurations(List<Long> ids, String label) {
    static final PlanConfigurations NONE = new PlanConfigurations(List.of(), "");
    private static final int LISTED = 12;

    PlanConfigurations {
        ids = ids.stream().sorted().toList();
    }

    /** Resolves {@code wanted}; each reference TestRail does not have is a problem that lists what it has. */
    static PlanConfigurations resolve(List<String> wanted, List<ConfigGroup> groups, String projectName,
            List<String> problems) {
        if (wanted.isEmpty()) {
            return NONE;
        }
        Map<Long, String> groupNames = new HashMap<>();
        List<Config> all = new ArrayList<>();
        groups.forEach(g -> {
            groupNames.put(g.id(), g.name());
            all.addAll(g.configs());
        });
        Names names = new Names(false);
        Map<Long, Config> chosen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (String reference : wanted) {
            List<Config> found = find(reference, all, groupNames, names);
            String setting = "The TestRail configuration (--configuration) '" + reference + "'";
            if (found.isEmpty()) {
                problems.add(setting + " is not in project '" + projectName + "'; " + (all.isEmpty()
                        ? "the project has no configurations (TestRail: a test plan > Configurations)."
                        : "it has " + all.stream().limit(LISTED).map(c -> groupNames.get(c.groupId()) + "/" + c.name())
                                .collect(Collectors.joining(", ")) + (all.size() > LISTED ? ", ..." : "")
                                + ". Write GROUP/NAME or the configuration id."));
            } else if (found.size() > 1) {
                problems.add(setting + " is in several configuration groups (" + found.stream()
                        .map(c -> groupNames.get(c.groupId()) + "/" + c.name()).collect(Collectors.joining(", "))
                        + "); write GROUP/NAME.");
            } else {
                Config config = found.get(0);
                String label = groupNames.get(config.groupId()) + "/" + config.name();
                Config before = chosen.putIfAbsent(config.groupId(), config);
                if (before != null && before.id() != config.id()) {
                    problems.add("The TestRail configurations (--configuration) " + groupNames.get(before.groupId()) + "/"
                            + before.name() + " and " + label + " are of one group; a run has one configuration per "
                            + "group. Publish once per configuration (e.g. one CI job each).");
                } else if (before == null) {
                    labels.add(label);
                }
            }
        }
        return new PlanConfigurations(chosen.values().stream().map(Config::id).toList(), String.join(", ", labels));
    }

    private static List<Config> find(String reference, List<Config> all, Map<Long, String> groupNames, Names names) {
        OptionalLong id = SettingMaps.idOf(reference);
        if (id.isPresent()) {
            List<Config> byId = all.stream().filter(c -> c.id() == id.getAsLong()).toList();
            if (!byId.isEmpty()) {
                return byId;
            }
        }
        // "Group/Name": the group's name may itself hold '/', so every split is tried.
        for (int slash = reference.indexOf('/'); slash > 0; slash = reference.indexOf('/', slash + 1)) {
            String group = names.key(reference.substring(0, slash));
            String name = names.key(reference.substring(slash + 1));
            List<Config> found = all.stream().filter(c -> names.key(groupNames.get(c.groupId())).equals(group)
                    && names.key(c.name()).equals(name)).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return all.stream().filter(c -> names.key(c.name()).equals(names.key(reference))).toList();
    }

    boolean matches(TestRun run) {
        return Set.copyOf(run.configIds()).equals(Set.copyOf(ids));
    }

    /**
     * The plan as a publish with these configurations sees it: in each entry only the open runs with
     * exactly these configurations (none: the runs without configurations), oldest first, and only
     * entries that keep a run, the entry of the oldest such run first. So a publish finds the run of
     * its configurations, and two publishes that raced to add it agree on the oldest.
     */
    TestPlan view(TestPlan plan) {
        List<io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry> entries = plan.entries().stream()
                .map(e -> new io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry(e.id(), e.suiteId(),
                        e.name(), e.runs().stream().filter(r -> !r.completed() && matches(r)).sorted(Comparator.comparingLong(TestRun::id))
                                .toList()))
                .filter(e -> !e.runs().isEmpty())
                .sorted(Comparator.comparingLong(e -> e.runs().get(0).id()))
                .toList();
        return new TestPlan(plan.id(), plan.projectId(), plan.name(), plan.completed(), plan.url(), entries);
    }
}
