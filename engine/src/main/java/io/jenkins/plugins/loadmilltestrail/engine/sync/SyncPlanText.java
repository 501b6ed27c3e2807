package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.FlowMatch;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.How;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedCase;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedRun;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSection;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSuite;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.Target;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The human-readable form of a {@link SyncPlan}, printed by a dry run. */
public final class SyncPlanText {
    private SyncPlanText() {}

    public static String render(SyncPlan plan) {
        StringBuilder out = new StringBuilder();
        Map<Long, String> refs = new LinkedHashMap<>();
        plan.newSuites().forEach(s -> refs.put(s.ref(), "new suite '" + s.name() + "'"));
        plan.newSections().forEach(s -> refs.put(s.ref(), "new section '" + s.name() + "'"));
        plan.newCases().forEach(c -> refs.put(c.ref(), "new case '" + c.title() + "'"));
        Map<Long, String> suites = new LinkedHashMap<>(refs);
        plan.runs().stream().filter(r -> r.suiteId() > 0 && !r.suiteName().isEmpty())
                .forEach(r -> suites.putIfAbsent(r.suiteId(), "suite '" + r.suiteName() + "' (S" + r.suiteId() + ")"));
        out.append("TestRail project: ").append(plan.project().name()).append(" (P").append(plan.project().id())
                .append(", suite mode ").append(plan.project().suiteMode().id()).append(")\n");
        Map<How, Long> counts = plan.flows().stream().collect(Collectors.groupingBy(FlowMatch::how,
                () -> new java.util.EnumMap<>(How.class), Collectors.counting()));
        out.append("Flows: ").append(plan.flows().size()).append(" (").append(counts.entrySet().stream()
                .map(e -> e.getValue() + " " + label(e.getKey())).collect(Collectors.joining(", "))).append(")\n");
        out.append("Create: ").append(plan.newSuites().size()).append(" suite(s), ").append(plan.newSections().size())
                .append(" section(s), ").append(plan.newCases().size()).append(" case(s)\n");
        for (PlannedSuite s : plan.newSuites()) {
            out.append("  + suite '").append(s.name()).append("'\n");
        }
        for (PlannedSection s : plan.newSections()) {
            out.append("  + section '").append(s.name()).append("' in ").append(id(s.suiteId(), "S", suites)).append('\n');
        }
        for (PlannedCase c : plan.newCases()) {
            out.append("  + case '").append(c.title()).append("' in ").append(id(c.sectionId(), "section ", refs)).append('\n');
        }
        Target t = plan.target();
        out.append("Publish: ").append(switch (t.kind()) {
            case NEW_RUN -> "new run '" + t.name() + "'";
            case NEW_PLAN -> "new plan '" + t.name() + "' with " + plan.runs().size() + " entries";
            case EXISTING_RUN -> "existing run R" + t.existingId().getAsLong();
            case EXISTING_PLAN -> "existing plan P" + t.existingId().getAsLong();
            case NOTHING -> "nothing (no flow matched a case)";
        });
        t.milestoneId().ifPresent(m -> out.append(", milestone M").append(m));
        out.append(t.close() ? ", then close it\n" : "\n");
        // Only a run or plan this publish creates takes the description; references go on its entries too.
        boolean creates = t.kind() == SyncPlan.TargetKind.NEW_RUN || t.kind() == SyncPlan.TargetKind.NEW_PLAN;
        if (creates && !t.description().isEmpty()) {
            out.append("  description: ").append(t.description().strip().replace("\n", "\n               ")).append('\n');
        }
        if (t.kind() != SyncPlan.TargetKind.NOTHING && !t.refs().isEmpty()) {
            out.append("  references: ").append(t.refs()).append('\n');
        }
        for (PlannedRun run : plan.runs()) {
            Map<String, Long> byStatus = run.results().stream().collect(Collectors.groupingBy(
                    r -> r.status().label(), TreeMap::new, Collectors.counting()));
            boolean inPlan = t.kind() == SyncPlan.TargetKind.NEW_PLAN || t.kind() == SyncPlan.TargetKind.EXISTING_PLAN;
            out.append("  ").append(run.existingRunId().isPresent() ? "run R" + run.existingRunId().getAsLong()
                    : inPlan ? "new entry" : "new run")
                    .append(" in ").append(run.suiteName().isEmpty() ? id(run.suiteId(), "S", refs) : "suite '" + run.suiteName() + "'")
                    .append(": ").append(run.caseIds().size()).append(" case(s)");
            if (run.needsSelectionUpdate()) {
                out.append(" (").append(run.caseIds().size() - run.selected().size()).append(" added)");
            }
            out.append(", results: ").append(byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        out.append("Matches:\n");
        for (FlowMatch f : plan.flows()) {
            out.append("  ").append(f.suiteName()).append(" / ").append(f.flowName()).append(" -> ");
            out.append(f.caseId() == 0 ? "(" + label(f.how()) + ")" : id(f.caseId(), "C", refs) + " [" + label(f.how()) + "]");
            f.status().map(Status::label).ifPresent(s -> out.append(' ').append(s));
            if (!f.note().isEmpty()) {
                out.append(" - ").append(f.note().replace('\n', ' '));
            }
            out.append('\n');
        }
        plan.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString();
    }

    /** What {@code id} stands for: a described ref or suite, else the id with its TestRail prefix. */
    private static String id(long id, String prefix, Map<Long, String> described) {
        return described.getOrDefault(id, id < 0 ? "new" : prefix + id);
    }

    static String label(How how) {
        return switch (how) {
            case NAME -> "by name";
            case PIN -> "pinned";
            case CREATED -> "to create";
            case UNMATCHED -> "unmatched";
            case NOT_PINNED -> "not pinned";
            case MISSING_CASE -> "pinned case missing";
        };
    }
}
