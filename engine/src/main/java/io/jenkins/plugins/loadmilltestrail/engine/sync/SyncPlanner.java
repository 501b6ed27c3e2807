package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.FlowMatch;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.How;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.Needs;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedCase;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedRun;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSection;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSuite;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.Target;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.TargetKind;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the {@link SyncPlan}: a pure function of the collected results, the settings, what was
 * read from TestRail and the current time. When the snapshot lacks something the plan needs, the
 * returned plan says so in {@link SyncPlan#needs()} and the caller reads it and plans again.
 * Problems (ambiguous names, bad pins, unknown milestone, closed run...) are collected and thrown
 * together as one {@link SyncConfigurationException}.
 */
public final class SyncPlanner {
    private static final int LISTED = 5;

    private SyncPlanner() {}

    public static SyncPlan plan(CollectedResults results, PublishSettings settings, TestRailSnapshot testRail,
            Instant now) {
        return new Planning(results, settings, testRail).run(now);
    }

    /**
     * Where a Loadmill suite's flows live in TestRail: a suite (mode 3) or a section of the one
     * suite (modes 1, 2). Ids may be refs of things to create; {@code createName} is set while the
     * suite or section is only a candidate for creation (created when a case needs it).
     */
    private record Container(long suiteId, String suiteName, long sectionId, String createName, boolean resolved) {
        static final Container UNRESOLVED = new Container(0, "", 0, "", false);
        static final Container PENDING = new Container(0, "(sections not read yet)", 0, "", false);
    }

    private static final class Planning {
        private final CollectedResults results;
        private final PublishSettings settings;
        private final TestRailSnapshot tr;
        private final Names names;
        private final boolean multi;
        private final List<String> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<Long> needCases = new LinkedHashSet<>();
        private final Set<Long> needSections = new LinkedHashSet<>();
        private final Set<Long> needLookups = new LinkedHashSet<>();
        private final Set<Long> needTests = new LinkedHashSet<>();
        private final Map<String, PlannedSuite> newSuites = new LinkedHashMap<>();
        private final Map<String, PlannedSection> newSections = new LinkedHashMap<>();
        private final Map<String, PlannedCase> newCases = new LinkedHashMap<>();
        private final Map<Long, TestCase> casesById = new HashMap<>();
        private final Map<Long, Map<String, List<TestCase>>> titleIndex = new HashMap<>();
        private final Map<Long, String> suiteNames = new HashMap<>();
        private long nextRef = -1;
        private Suite single;

        Planning(CollectedResults results, PublishSettings settings, TestRailSnapshot tr) {
            this.results = results;
            this.settings = settings;
            this.tr = tr;
            this.names = new Names(settings.caseSensitive());
            this.multi = tr.project().suiteMode() == SuiteMode.MULTIPLE_SUITES;
            tr.suites().forEach(s -> suiteNames.put(s.id(), s.name()));
            tr.cases().values().forEach(list -> list.forEach(c -> casesById.put(c.id(), c)));
            tr.lookedUp().values().forEach(c -> c.ifPresent(found -> casesById.putIfAbsent(found.id(), found)));
        }

        SyncPlan run(Instant now) {
            if (!multi) {
                single = singleSuite();
            }
            Map<String, Container> containers = new HashMap<>();
            for (SuiteResult suite : results.suites()) {
                containers.computeIfAbsent(names.key(suite.name()), k -> resolveContainer(suite.name()));
            }
            List<FlowMatch> flows = new ArrayList<>();
            Map<Long, List<PlannedResult>> bySuite = new LinkedHashMap<>();
            StatusMapping statuses = StatusMapping.resolve(settings.statusMap(), tr.statuses());
            String version = settings.version().isEmpty() ? results.runId() : settings.version();
            for (SuiteResult suite : results.suites()) {
                Container container = containers.get(names.key(suite.name()));
                for (FlowResult flow : suite.flows()) {
                    FlowMatch match = matchFlow(suite, flow, container);
                    if (match.caseId() != 0) {
                        StatusMapping.Mapped mapped = statuses.map(flow);
                        match = new FlowMatch(match.key(), match.suiteName(), match.flowName(), match.loadmillStatus(), match.caseId(),
                                match.how(), Optional.of(mapped.status()), joinNotes(match.note(), mapped.note()));
                        long runSuite = runSuiteOf(match.caseId(), container);
                        bySuite.computeIfAbsent(runSuite, k -> new ArrayList<>()).add(new PlannedResult(flow.flowRunId(),
                                suite.name(), flow.name(), match.caseId(), mapped.status(),
                                comment(flow, mapped.note()), TimeSpans.elapsed(flow), version));
                    }
                    flows.add(match);
                }
            }
            List<PlannedCase> cases = withRequiredFields(new ArrayList<>(newCases.values()));
            Map<String, String> variables = RunNames.variables(results, settings.variables(), now);
            OptionalLong milestone = milestone();
            Target target = target(bySuite.size(), variables, milestone);
            List<PlannedRun> runs = runs(target, bySuite);
            long unmatched = flows.stream().filter(f -> f.how() == How.UNMATCHED).count();
            if (unmatched > 0) {
                warnings.add(unmatched + " flow(s) matched no TestRail case and will not be published"
                        + (settings.autoCreate() ? "." : "; pin them, fix their names, or turn on auto-create."));
            }
            if (!problems.isEmpty()) {
                throw new SyncConfigurationException(problems);
            }
            boolean needFields = !newCases.isEmpty() && tr.caseFields().isEmpty();
            Needs needs = new Needs(needCases, needSections, needLookups, needTests, needFields,
                    milestoneNeedsRead() && tr.milestones().isEmpty());
            return new SyncPlan(tr.project(), tr.baseUrl(), needs, List.copyOf(newSuites.values()),
                    List.copyOf(newSections.values()), cases, target, runs, flows, warnings);
        }

        // ---- suites and sections -------------------------------------------------------------

        private Suite singleSuite() {
            List<Suite> suites = tr.suites();
            if (suites.isEmpty()) {
                throw new SyncConfigurationException("The TestRail project '" + tr.project().name()
                        + "' has no test suite; open it in TestRail once (it creates the master suite) and try again.");
            }
            String baseline = settings.baseline();
            if (baseline.isEmpty() || tr.project().suiteMode() == SuiteMode.SINGLE_SUITE) {
                return suites.stream().filter(Suite::master).findFirst().orElse(suites.get(0));
            }
            List<Suite> found = names.byReference(suites, baseline, Suite::id, Suite::name);
            if (found.size() == 1) {
                return found.get(0);
            }
            throw new SyncConfigurationException(found.isEmpty()
                    ? "The baseline '" + baseline + "' is not a suite of project '" + tr.project().name()
                            + "'; use one of " + list(suites, s -> s.name() + " (S" + s.id() + ")") + "."
                    : ambiguous("suites", baseline, found, s -> "S" + s.id(), "set the baseline by id"));
        }

        private Container resolveContainer(String loadmillSuite) {
            Optional<String> mapped = settings.suiteMap().entrySet().stream()
                    .filter(e -> names.key(e.getKey()).equals(names.key(loadmillSuite)))
                    .map(Map.Entry::getValue)
                    .findFirst();
            String wanted = mapped.orElse(loadmillSuite);
            if (multi) {
                List<Suite> found = names.byReference(tr.suites(), wanted, Suite::id, Suite::name);
                if (found.size() == 1) {
                    Suite suite = found.get(0);
                    if (!tr.cases().containsKey(suite.id())) {
                        needCases.add(suite.id());
                    }
                    return new Container(suite.id(), suite.name(), 0, "", true);
                }
                if (found.size() > 1) {
                    problems.add(ambiguous("suites", wanted, found, s -> "S" + s.id(),
                            "map the Loadmill suite '" + loadmillSuite + "' to a suite id in the suite map"));
                    return Container.UNRESOLVED;
                }
                return missing(loadmillSuite, mapped, "suite", 0, tr.suites().stream().map(Suite::name).toList());
            }
            if (!tr.cases().containsKey(single.id())) {
                needCases.add(single.id());
            }
            if (!tr.sections().containsKey(single.id())) {
                needSections.add(single.id());
                return Container.PENDING;
            }
            List<Section> sections = tr.sections().get(single.id());
            List<Section> found = names.byReference(sections, wanted, Section::id, Section::name);
            if (found.size() == 1) {
                return new Container(single.id(), single.name(), found.get(0).id(), "", true);
            }
            if (found.size() > 1) {
                problems.add(ambiguous("sections", wanted, found, s -> "section " + s.id(),
                        "map the Loadmill suite '" + loadmillSuite + "' to a section id in the suite map"));
                return Container.UNRESOLVED;
            }
            return missing(loadmillSuite, mapped, "section", single.id(), sections.stream().map(Section::name).toList());
        }

        /** Nothing matched: a candidate for creation, unresolved, or (for a suite map entry) a problem. */
        private Container missing(String loadmillSuite, Optional<String> mapped, String what, long suiteId,
                List<String> existing) {
            String wanted = mapped.orElse(loadmillSuite);
            boolean byId = SettingMaps.idOf(wanted).isPresent();
            if (mapped.isPresent() && (byId || !settings.autoCreate())) {
                problems.add("The suite map sends the Loadmill suite '" + loadmillSuite + "' to the TestRail " + what + " '"
                        + wanted + "', which project '" + tr.project().name() + "' does not have"
                        + (existing.isEmpty() ? "" : " (it has " + existing.stream().limit(LISTED).collect(Collectors.joining(", "))
                                + (existing.size() > LISTED ? ", ..." : "") + ")")
                        + "; fix the suite map" + (byId ? "." : " or turn on auto-create."));
                return Container.UNRESOLVED;
            }
            if (!settings.autoCreate()) {
                return Container.UNRESOLVED;
            }
            String name = Names.clean(wanted);
            return multi ? new Container(0, name, 0, name, true)
                    : new Container(suiteId, single.name(), 0, name, true);
        }

        private long suiteOf(Container container) {
            if (container.suiteId() != 0) {
                return container.suiteId();
            }
            return newSuites.computeIfAbsent(names.key(container.createName()),
                    k -> new PlannedSuite(nextRef--, container.createName())).ref();
        }

        /** The section new cases of this container go to, or 0 while the suite's sections are unread. */
        private long sectionForNewCases(Container container) {
            long suiteId = suiteOf(container);
            if (!multi) {
                if (container.sectionId() != 0) {
                    return container.sectionId();
                }
                return newSection(suiteId, container.createName());
            }
            if (suiteId < 0) {
                return newSection(suiteId, settings.section());
            }
            List<Section> sections = tr.sections().get(suiteId);
            if (sections == null) {
                needSections.add(suiteId);
                return 0;
            }
            List<Section> found = names.byReference(sections, settings.section(), s -> -1L, Section::name);
            if (found.size() > 1) {
                problems.add(ambiguous("sections", settings.section(), found, s -> "section " + s.id(),
                        "rename one in suite '" + suiteNames.get(suiteId) + "' or choose another section for created cases"));
                return 0;
            }
            return found.isEmpty() ? newSection(suiteId, settings.section()) : found.get(0).id();
        }

        private long newSection(long suiteId, String name) {
            return newSections.computeIfAbsent(suiteId + "/" + names.key(name),
                    k -> new PlannedSection(nextRef--, suiteId, Names.clean(name))).ref();
        }

        // ---- flows ---------------------------------------------------------------------------

        private FlowMatch matchFlow(SuiteResult suite, FlowResult flow, Container container) {
            String status = flow.status().value();
            OptionalLong pin = pinOf(suite, flow);
            if (pin.isPresent() && Optional.<TestCase>empty().equals(tr.lookedUp().get(pin.getAsLong()))) {
                // One mistyped pin must not keep every other flow's result out of TestRail.
                String reason = "pinned to " + CaseIds.format(pin.getAsLong()) + ", which does not exist in TestRail;"
                        + " fix the pin (case map or C123 token) and publish again to post it";
                warnings.add("The flow '" + suite.name() + "/" + flow.name() + "' is " + reason + ".");
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.MISSING_CASE,
                        Optional.empty(), reason);
            }
            if (pin.isPresent()) {
                return checkPin(suite, flow, pin.getAsLong(), container)
                        .map(id -> new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, id, How.PIN, Optional.empty(), ""))
                        .orElseGet(() -> new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.UNMATCHED,
                                Optional.empty(), "pinned case not usable"));
            }
            if (settings.matching() == MatchMode.ID) {
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.NOT_PINNED, Optional.empty(),
                        "not pinned; matching by id publishes only pinned flows");
            }
            if (container == Container.PENDING || !container.resolved()) {
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.UNMATCHED, Optional.empty(),
                        container == Container.PENDING ? "" : "no TestRail " + (multi ? "suite" : "section")
                                + " named '" + Names.clean(suite.name()) + "'");
            }
            String title = CaseTitles.forFlow(flow.name());
            if (!container.createName().isEmpty()) {
                return created(suite, flow, container, title);
            }
            if (!tr.cases().containsKey(container.suiteId())) {
                // Read first (already asked for): matching on an empty suite would plan needless creations.
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.UNMATCHED,
                        Optional.empty(), "");
            }
            List<TestCase> found = index(container).getOrDefault(names.key(title), List.of());
            if (found.size() == 1) {
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, found.get(0).id(), How.NAME, Optional.empty(), "");
            }
            if (found.size() > 1) {
                problems.add(ambiguous("cases", title, found, c -> CaseIds.format(c.id()),
                        "pin the flow '" + suite.name() + "/" + flow.name() + "' to one of them in the case map"));
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.UNMATCHED, Optional.empty(), "ambiguous");
            }
            if (settings.autoCreate()) {
                return created(suite, flow, container, title);
            }
            return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), status, 0, How.UNMATCHED, Optional.empty(),
                    "no case titled '" + title + "' in " + (multi ? "suite '" : "section '")
                            + (multi ? container.suiteName() : sectionName(container.sectionId())) + "'");
        }

        private FlowMatch created(SuiteResult suite, FlowResult flow, Container container, String title) {
            long sectionId = sectionForNewCases(container);
            if (sectionId == 0) {
                return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), flow.status().value(), 0, How.UNMATCHED,
                        Optional.empty(), "");
            }
            long suiteId = suiteOf(container);
            PlannedCase planned = newCases.computeIfAbsent(sectionId + "/" + names.key(title),
                    k -> new PlannedCase(nextRef--, suiteId, sectionId, title,
                            io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase.titled(title)));
            if (CaseTitles.isCut(flow.name())) {
                warnings.add("The flow '" + suite.name() + "/" + flow.name().substring(0, 40)
                        + "...' is longer than TestRail's 250-character title; its case is titled '" + title
                        + "'. Consider pinning it to a case id.");
            }
            return new FlowMatch(flow.flowRunId(), suite.name(), flow.name(), flow.status().value(), planned.ref(), How.CREATED,
                    Optional.empty(), "");
        }

        private Map<String, List<TestCase>> index(Container container) {
            long key = multi ? container.suiteId() : container.sectionId();
            return titleIndex.computeIfAbsent(key, k -> {
                Map<String, List<TestCase>> index = new HashMap<>();
                for (TestCase c : tr.cases().getOrDefault(container.suiteId(), List.of())) {
                    if (multi || c.sectionId() == container.sectionId()) {
                        index.computeIfAbsent(names.key(c.title()), t -> new ArrayList<>(1)).add(c);
                    }
                }
                return index;
            });
        }

        private String sectionName(long sectionId) {
            return tr.sections().getOrDefault(single.id(), List.of()).stream().filter(s -> s.id() == sectionId)
                    .map(Section::name).findFirst().orElse("");
        }

        /** The flow's pin: a case map entry (suite-qualified first), else one C123 token in its name. */
        private OptionalLong pinOf(SuiteResult suite, FlowResult flow) {
            List<CasePin> pins = settings.casePins().stream()
                    .filter(p -> CasePins.pins(p, suite.name(), flow.name(), names)).toList();
            List<CasePin> qualified = pins.stream().filter(p -> !p.suite().isEmpty()).toList();
            Set<Long> ids = (qualified.isEmpty() ? pins : qualified).stream().map(CasePin::caseId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (ids.isEmpty()) {
                ids.addAll(CaseIds.tokensIn(flow.name()));
            }
            if (ids.size() > 1) {
                problems.add("The flow '" + suite.name() + "/" + flow.name() + "' is pinned to several cases ("
                        + ids.stream().map(CaseIds::format).collect(Collectors.joining(", "))
                        + "); keep exactly one pin (case map entry or C123 token) per flow.");
                return OptionalLong.empty();
            }
            return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.iterator().next());
        }

        /** The pinned case id when it exists in the right suite; otherwise a need or a problem. */
        private Optional<Long> checkPin(SuiteResult suite, FlowResult flow, long caseId, Container container) {
            TestCase found = casesById.get(caseId);
            String who = "The flow '" + suite.name() + "/" + flow.name() + "' is pinned to " + CaseIds.format(caseId);
            if (found == null) {
                // Not read yet (a case TestRail does not have is settled in matchFlow).
                if (!readsPending(container)) {
                    needLookups.add(caseId);
                }
                return Optional.empty();
            }
            if (!suiteNames.containsKey(found.suiteId())) {
                problems.add(who + ", which lies in another TestRail project; pin a case of project '"
                        + tr.project().name() + "'.");
                return Optional.empty();
            }
            long expected = multi ? (container.resolved() && container.suiteId() > 0 ? container.suiteId() : 0) : single.id();
            if (expected != 0 && found.suiteId() != expected) {
                problems.add(who + ", which lies in suite '" + suiteNames.get(found.suiteId()) + "' (S" + found.suiteId()
                        + "), not in suite '" + suiteNames.get(expected) + "' (S" + expected + ") where this flow's suite"
                        + " is published; fix the pin or the suite map.");
                return Optional.empty();
            }
            return Optional.of(caseId);
        }

        /** True while suite cases that may hold pinned ids are still to be read (avoid needless get_case). */
        private boolean readsPending(Container container) {
            return !needCases.isEmpty() || container == Container.PENDING;
        }

        private long runSuiteOf(long caseId, Container container) {
            if (!multi) {
                return single.id();
            }
            TestCase existing = casesById.get(caseId);
            return existing != null ? existing.suiteId() : suiteOf(container);
        }

        // ---- case fields ---------------------------------------------------------------------

        private List<PlannedCase> withRequiredFields(List<PlannedCase> cases) {
            if (cases.isEmpty() || tr.caseFields().isEmpty()) {
                return cases;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>(settings.caseFieldDefaults());
            Optional<Integer> template = intDefault(defaults.remove("template_id"));
            Optional<Integer> type = intDefault(defaults.remove("type_id"));
            Optional<Integer> priority = intDefault(defaults.remove("priority_id"));
            List<String> lacking = new ArrayList<>();
            long projectId = tr.project().id();
            tr.caseFields().get().stream().filter(f -> f.requiredIn(projectId)).forEach(f -> {
                String value = defaults.get(f.systemName());
                if (value == null) {
                    value = f.configFor(projectId).map(c -> c.defaultValue()).orElse("");
                }
                if (value.isBlank()) {
                    lacking.add(f.systemName() + " (" + f.label() + ")");
                } else {
                    fields.put(f.systemName(), CaseFieldValues.typed(f.typeId(), value, f.systemName()));
                }
            });
            defaults.forEach((name, value) -> fields.computeIfAbsent(name, n -> tr.caseFields().get().stream()
                    .filter(f -> f.systemName().equals(n)).findFirst()
                    .map(f -> CaseFieldValues.typed(f.typeId(), value, n)).orElse(value)));
            if (!lacking.isEmpty()) {
                problems.add("TestRail requires the case field(s) " + String.join(", ", lacking) + " in project '"
                        + tr.project().name() + "', so cases cannot be created; set a default for each "
                        + "(case field defaults, system_name=value) or pin the flows to existing cases.");
                return cases;
            }
            return cases.stream().map(c -> new PlannedCase(c.ref(), c.suiteId(), c.sectionId(), c.title(),
                    new io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase(c.title(), template, type,
                            priority, fields))).toList();
        }

        private static Optional<Integer> intDefault(String value) {
            return value == null ? Optional.empty() : Optional.of((Integer) CaseFieldValues.typed(2, value, "id"));
        }

        // ---- milestone and target ------------------------------------------------------------

        private boolean milestoneNeedsRead() {
            return !settings.milestone().isEmpty() && SettingMaps.idOf(settings.milestone().replaceFirst("^[mM]", "")).isEmpty();
        }

        private OptionalLong milestone() {
            String wanted = settings.milestone();
            if (wanted.isEmpty()) {
                return OptionalLong.empty();
            }
            if (!milestoneNeedsRead()) {
                return SettingMaps.idOf(wanted.replaceFirst("^[mM]", ""));
            }
            if (tr.milestones().isEmpty()) {
                return OptionalLong.empty();
            }
            List<Milestone> all = tr.milestones().get();
            // Typed by hand in the job: any case matches, an exact spelling wins, then an open milestone.
            Names anyCase = new Names(false);
            List<Milestone> found = all.stream().filter(m -> anyCase.key(m.name()).equals(anyCase.key(wanted))).toList();
            for (List<Milestone> candidates : List.of(
                    found.stream().filter(m -> Names.clean(m.name()).equals(Names.clean(wanted))).toList(),
                    found.stream().filter(m -> !m.completed()).toList(), found)) {
                if (candidates.size() == 1) {
                    return OptionalLong.of(candidates.get(0).id());
                }
            }
            if (found.isEmpty()) {
                problems.add("The milestone '" + wanted + "' is not in project '" + tr.project().name() + "'"
                        + (all.isEmpty() ? " (it has none)" : "; it has " + list(all, Milestone::name)) + ". Fix the milestone name or use its id.");
            } else {
                problems.add(ambiguous("milestones", wanted, found, m -> "M" + m.id(), "set the milestone by id"));
            }
            return OptionalLong.empty();
        }

        private Target target(int suites, Map<String, String> variables, OptionalLong milestone) {
            String name = RunNames.render(settings.runName(), variables);
            String description = RunNames.description(settings.runDescription(), variables);
            String refs = RunNames.refs(settings.runRefs(), variables);
            String dropped = RunNames.refsDropped(settings.runRefs(), variables);
            if (!dropped.isEmpty()) {
                warnings.add("The run references are longer than TestRail's " + RunNames.MAX_REFS + " characters; left out: "
                        + dropped + ".");
            }
            if (settings.existingRunId().isPresent()) {
                return new Target(TargetKind.EXISTING_RUN, name, description, milestone, settings.existingRunId(),
                        settings.closeRun(), refs);
            }
            if (settings.existingPlanId().isPresent()) {
                return new Target(TargetKind.EXISTING_PLAN, name, description, milestone, settings.existingPlanId(),
                        settings.closeRun(), refs);
            }
            // Configurations exist only on runs of plans: one suite then gets a plan too.
            TargetKind kind = suites == 0 ? TargetKind.NOTHING
                    : suites == 1 && settings.configurations().isEmpty() ? TargetKind.NEW_RUN : TargetKind.NEW_PLAN;
            return new Target(kind, name, description, milestone, OptionalLong.empty(), settings.closeRun(), refs);
        }

        private List<PlannedRun> runs(Target target, Map<Long, List<PlannedResult>> bySuite) {
            List<PlannedRun> runs = new ArrayList<>();
            if (target.kind() == TargetKind.EXISTING_RUN) {
                TestRun run = tr.existingRun().orElseThrow(() -> new IllegalStateException("existing run not read"));
                if (run.completed()) {
                    problems.add("The TestRail run R" + run.id() + " is closed; results cannot be added to it. "
                            + "Publish into a new run (leave the run id empty) or an open run.");
                } else if (run.planId().isPresent()) {
                    problems.add("The TestRail run R" + run.id() + " belongs to plan P" + run.planId().getAsLong()
                            + "; publish into that plan (existing plan id " + run.planId().getAsLong() + ") instead.");
                }
                bySuite.forEach((suiteId, list) -> {
                    if (suiteId != run.suiteId()) {
                        problems.add("Flows of '" + list.get(0).suiteName() + "' belong to TestRail suite '"
                                + suiteName(suiteId) + "', but run R" + run.id() + " holds suite '"
                                + suiteName(run.suiteId()) + "'; publish into a plan instead or map the suites.");
                    }
                });
                if (!bySuite.isEmpty()) {
                    runs.add(existing(run.suiteId(), run.id(), "", bySuite.values().stream().flatMap(List::stream).toList()));
                }
                return runs;
            }
            if (target.kind() == TargetKind.EXISTING_PLAN) {
                TestPlan plan = tr.existingPlan().orElseThrow(() -> new IllegalStateException("existing plan not read"));
                if (plan.completed()) {
                    problems.add("The TestRail plan P" + plan.id() + " is closed; results cannot be added to it. "
                            + "Publish into a new plan (leave the plan id empty) or an open plan.");
                }
                bySuite.forEach((suiteId, list) -> {
                    Optional<PlanEntry> entry = plan.entries().stream()
                            .filter(e -> e.suiteId() == suiteId && !e.runs().isEmpty()).findFirst();
                    runs.add(entry.map(e -> existing(suiteId, e.runs().get(0).id(), e.id(), list))
                            .orElseGet(() -> fresh(suiteId, list)));
                });
                return runs;
            }
            bySuite.forEach((suiteId, list) -> runs.add(fresh(suiteId, list)));
            return runs;
        }

        private PlannedRun fresh(long suiteId, List<PlannedResult> results) {
            List<Long> caseIds = results.stream().map(PlannedResult::caseId).distinct().toList();
            return new PlannedRun(suiteId, suiteName(suiteId), OptionalLong.empty(), "", List.of(), caseIds, results);
        }

        private PlannedRun existing(long suiteId, long runId, String entryId, List<PlannedResult> results) {
            List<Test> tests = tr.tests().get(runId);
            if (tests == null) {
                needTests.add(runId);
                tests = List.of();
            }
            List<Long> selected = tests.stream().map(Test::caseId).distinct().toList();
            Set<Long> union = new LinkedHashSet<>(selected);
            results.forEach(r -> union.add(r.caseId()));
            return new PlannedRun(suiteId, suiteName(suiteId), OptionalLong.of(runId), entryId, selected,
                    List.copyOf(union), results);
        }

        private String suiteName(long suiteId) {
            if (suiteId < 0) {
                return newSuites.values().stream().filter(s -> s.ref() == suiteId).map(PlannedSuite::name).findFirst()
                        .orElse("");
            }
            return suiteNames.getOrDefault(suiteId, "S" + suiteId);
        }

        // ---- helpers -------------------------------------------------------------------------


        private <T> String ambiguous(String what, String name, List<T> found, Function<T, String> id, String fix) {
            return "Several TestRail " + what + " are named '" + Names.clean(name) + "' ("
                    + found.stream().map(id).collect(Collectors.joining(", ")) + "); " + fix + ".";
        }

        private static <T> String list(List<T> items, Function<T, String> text) {
            return items.stream().limit(LISTED).map(text).collect(Collectors.joining(", "))
                    + (items.size() > LISTED ? ", ..." : "");
        }

        private static String joinNotes(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
        }

        private static String comment(FlowResult flow, String note) {
            return ResultComments.comment(flow, note);
        }
    }
}
