package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.flow;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.plan;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.settings;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.World;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.FlowMatch;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.How;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.TargetKind;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.FieldConfig;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SyncPlannerTest {

    /** Matches as "suite/flow -> case title or how", for compact tables. */
    private static List<String> matches(SyncPlan plan, World world) {
        Map<Long, String> titles = new java.util.HashMap<>();
        world.cases.forEach(c -> titles.put(c.id(), c.title()));
        plan.newCases().forEach(c -> titles.put(c.ref(), "+" + c.title()));
        return plan.flows().stream().map(f -> f.suiteName() + "/" + f.flowName() + " -> "
                + (f.caseId() == 0 ? f.how().name() : titles.get(f.caseId()))).toList();
    }

    // ---- name matching in every suite mode -----------------------------------------------------

    static World multiSuite() {
        World w = new World(SuiteMode.MULTIPLE_SUITES);
        long checkout = w.suite("Checkout");
        long cart = w.section(checkout, "Cart");
        long pay = w.section(checkout, "Payment");
        w.kase(checkout, cart, "Add item");
        w.kase(checkout, pay, "Pay &amp; confirm");
        w.kase(checkout, pay, "<p>Refund</p>");
        long other = w.suite("Other");
        w.kase(other, w.section(other, "X"), "Add item");
        return w;
    }

    static World singleSuite(SuiteMode mode) {
        World w = new World(mode);
        long master = w.suite("Master");
        long checkout = w.section(master, "Checkout");
        long nested = w.section(master, "Nested");
        w.kase(master, checkout, "Add item");
        w.kase(master, checkout, "Pay & confirm");
        w.kase(master, nested, "Refund");
        return w;
    }

    static Stream<Arguments> nameMatching() {
        return Stream.of(
                arguments("multi-suite: suite=suite, flow=title anywhere in it, HTML undone", multiSuite(),
                        settings(), List.of("Checkout/Add item -> Add item", "Checkout/Pay & confirm -> Pay &amp; confirm",
                                "Checkout/Refund -> <p>Refund</p>", "Checkout/Nope -> UNMATCHED")),
                arguments("single suite: suite=section, flow=title in that section only", singleSuite(SuiteMode.SINGLE_SUITE),
                        settings(), List.of("Checkout/Add item -> Add item", "Checkout/Pay & confirm -> Pay & confirm",
                                "Checkout/Refund -> UNMATCHED", "Checkout/Nope -> UNMATCHED")),
                arguments("baselines: master suite by default", singleSuite(SuiteMode.SINGLE_SUITE_BASELINES),
                        settings(), List.of("Checkout/Add item -> Add item", "Checkout/Pay & confirm -> Pay & confirm",
                                "Checkout/Refund -> UNMATCHED", "Checkout/Nope -> UNMATCHED")),
                arguments("case-insensitive on request", multiSuite(), settings().caseSensitive(false),
                        List.of("Checkout/Add item -> Add item", "Checkout/Pay & confirm -> Pay &amp; confirm",
                                "Checkout/Refund -> <p>Refund</p>", "Checkout/Nope -> UNMATCHED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nameMatching")
    void matchesByName(String title, World world, PublishSettings.Builder settings, List<String> expected) {
        CollectedResults results = plan(suite("Checkout", "Add item", "  Pay   &   confirm ", "Refund", "Nope"));
        SyncPlan p = world.plan(results, settings.build());
        assertThat(matches(p, world)).containsExactlyElementsOf(expected.stream()
                .map(e -> e.replace("Checkout/Pay & confirm", "Checkout/  Pay   &   confirm ")).toList());
        assertThat(p.unmatchedFlows()).isNotEmpty();
        assertThat(p.warnings()).anyMatch(w -> w.contains("matched no TestRail case"));
        assertThat(p.newCases()).isEmpty();
        assertThat(p.target().kind()).isEqualTo(TargetKind.NEW_RUN);
        assertThat(p.runs()).singleElement().satisfies(r -> assertThat(r.results()).hasSize(expected.size()
                - (int) expected.stream().filter(e -> e.endsWith("UNMATCHED")).count()));
    }

    @Test
    void caseSensitivityIsHonoured() {
        World w = multiSuite();
        CollectedResults results = plan(suite("checkout", "ADD ITEM"));
        assertThat(matches(w.plan(results, settings().build()), w)).containsExactly("checkout/ADD ITEM -> UNMATCHED");
        assertThat(matches(w.plan(results, settings().caseSensitive(false).build()), w))
                .containsExactly("checkout/ADD ITEM -> Add item");
    }

    @Test
    void unicodeAndWhitespaceVariantsMatch() {
        World w = new World(SuiteMode.MULTIPLE_SUITES);
        long s = w.suite("Zahlungen ✓");
        w.kase(s, w.section(s, "A"), "Café\u00A0bestellen");
        SyncPlan p = w.plan(plan(suite(" Zahlungen  ✓", "Cafe\u0301 bestellen")), settings().build());
        assertThat(p.flows()).singleElement().extracting(FlowMatch::how).isEqualTo(How.NAME);
    }

    @Test
    void readsOnlyWhatMatchingNeeds() {
        World w = multiSuite();
        w.plan(plan(suite("Checkout", "Add item")), settings().autoCreate(true).build());
        assertThat(w.reads).as("cases of the one matched suite, no sections, no fields").isEqualTo(1);
    }

    // ---- pins --------------------------------------------------------------------------------

    @Test
    void pinsOverrideNamesAndTokensPin() {
        World w = multiSuite();
        Map<String, Long> ids = w.idsByTitle();
        long refund = ids.get("<p>Refund</p>");
        long pay = ids.get("Pay &amp; confirm");
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item", "Refund it C" + pay, "Pay & confirm")),
                settings().casePin(new CasePin("Checkout", "Add item", refund)).build());
        assertThat(p.flows()).extracting(FlowMatch::caseId).containsExactly(refund, pay, pay);
        assertThat(p.flows()).extracting(FlowMatch::how).containsExactly(How.PIN, How.PIN, How.NAME);
        assertThat(w.reads).as("pins validated from the suite's cases, no get_case").isEqualTo(1);
    }

    @Test
    void matchingByIdPublishesOnlyPinnedFlows() {
        World w = multiSuite();
        long add = w.idsByTitle().get("Add item");
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item", "C" + add + " second", "Refund"), suite("Elsewhere", "x")),
                settings().matching(MatchMode.ID).casePins(CasePins.parseLines("/x=C" + add)).build());
        assertThat(p.flows()).extracting(FlowMatch::how)
                .containsExactly(How.NOT_PINNED, How.PIN, How.NOT_PINNED, How.PIN);
        assertThat(p.unmatchedFlows()).as("unpinned flows are unmatched").containsExactly("Checkout / Add item",
                "Checkout / Refund");
        assertThat(p.flowsWithCase()).isEqualTo(2);
        assertThat(p.runs()).singleElement().satisfies(r -> assertThat(r.caseIds()).containsExactly(add));
    }

    static Stream<Arguments> badPins() {
        return Stream.of(
                arguments("case in another suite", "Checkout/Add item=C{Other}", "lies in suite 'Other'"),
                arguments("case in another project", "Checkout/Add item=C{Foreign}", "another TestRail project"),
                arguments("two pins for one flow", "Checkout/Add item=C1\nAdd item=C2\nCheckout/Add item=C3",
                        "pinned to several cases (C1, C3)"));
    }

    @Test
    void aPinToAMissingCaseKeepsOnlyThatFlowOut() {
        World w = multiSuite();
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item", "Refund")),
                settings().casePins(CasePins.parseLines("Checkout/Add item=C99999")).build());
        assertThat(p.flows()).extracting(FlowMatch::how).containsExactly(How.MISSING_CASE, How.NAME);
        assertThat(p.flows().get(0).note()).contains("C99999, which does not exist", "fix the pin");
        assertThat(p.warnings()).anySatisfy(warning -> assertThat(warning).contains("Checkout/Add item", "C99999"));
        assertThat(p.runs()).singleElement().satisfies(r -> assertThat(r.results()).hasSize(1));
        assertThat(w.reads).as("one suite read plus one get_case fallback").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPins")
    void rejectsBadPinsNamingFlowAndCase(String title, String pins, String message) {
        World w = multiSuite();
        long other = w.cases.stream().filter(c -> c.suiteId() == w.suites.get(1).id()).findFirst().orElseThrow().id();
        w.cases.add(new TestCase(5000, 999, 1, "Foreign", 1));
        String text = pins.replace("{Other}", String.valueOf(other)).replace("{Foreign}", "5000");
        List<CasePin> parsed = CasePins.parseLines(text);
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "Add item")), settings().casePins(parsed).build()))
                .isInstanceOf(SyncConfigurationException.class)
                .hasMessageContaining("Checkout/Add item")
                .hasMessageContaining(message);
        if (!title.startsWith("two")) {
            assertThat(w.reads).as("one suite read plus one get_case fallback").isEqualTo(2);
        }
    }

    @Test
    void pinnedFlowsOfAMissingSuiteGoToTheirCasesSuiteAndCreateNothing() {
        World w = multiSuite();
        long add = w.idsByTitle().get("Add item");
        SyncPlan p = w.plan(plan(suite("Payments", "Card C" + add)), settings().autoCreate(true).build());
        assertThat(p.newSuites()).isEmpty();
        assertThat(p.newSections()).isEmpty();
        assertThat(p.runs()).singleElement().satisfies(r -> {
            assertThat(r.suiteName()).isEqualTo("Checkout");
            assertThat(r.caseIds()).containsExactly(add);
        });
    }

    @Test
    void twoTokensInOneFlowNameIsAnError() {
        World w = multiSuite();
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "C1 and C2")), settings().build()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("several cases (C1, C2)");
    }

    @Test
    void matchingByIdInASingleSuiteProject() {
        World w = singleSuite(SuiteMode.SINGLE_SUITE);
        long refund = w.idsByTitle().get("Refund");
        SyncPlan p = w.plan(plan(suite("Anything", "Refund it", "Other")),
                settings().matching(MatchMode.ID).casePin(new CasePin("", "Refund it", refund)).build());
        assertThat(p.flows()).extracting(FlowMatch::how).containsExactly(How.PIN, How.NOT_PINNED);
        assertThat(p.runs()).singleElement().satisfies(r -> assertThat(r.suiteId()).isEqualTo(w.suites.get(0).id()));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        World w = multiSuite();
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "Add item", "C1 C2"), suite("Ghost", "x")),
                settings().suiteMap(Map.of("Ghost", "S999999")).build()))
                .isInstanceOf(SyncConfigurationException.class)
                .satisfies(e -> assertThat(((SyncConfigurationException) e).problems()).hasSize(2))
                .hasMessageStartingWith("Cannot publish to TestRail (2 problems)");
        assertThatThrownBy(() -> w.plan(plan(suite("Ghost", "x")), settings().suiteMap(Map.of("Ghost", "S999999")).build()))
                .hasMessageContaining("'S999999'").hasMessageContaining("fix the suite map.");
    }

    // ---- ambiguity ---------------------------------------------------------------------------

    @Test
    void ambiguousCasesFailListingBothIds() {
        World w = multiSuite();
        long checkout = w.suites.get(0).id();
        long dup = w.kase(checkout, w.sections.get(0).id(), " add   ITEM ");
        long first = w.idsByTitle().get("Add item");
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "Add item")), settings().caseSensitive(false).build()))
                .isInstanceOf(SyncConfigurationException.class)
                .hasMessageContaining("C" + first).hasMessageContaining("C" + dup).hasMessageContaining("pin");
        // Only where one is needed: the duplicate does not matter to other flows.
        assertThat(w.plan(plan(suite("Checkout", "Refund")), settings().caseSensitive(false).build()).flows())
                .singleElement().extracting(FlowMatch::how).isEqualTo(How.NAME);
    }

    @ParameterizedTest
    @EnumSource(value = SuiteMode.class)
    void ambiguousSuitesOrSectionsFail(SuiteMode mode) {
        World w = new World(mode);
        long master = w.suite("Checkout");
        if (mode == SuiteMode.MULTIPLE_SUITES) {
            w.suite("checkout");
        } else {
            w.section(master, "Checkout");
            w.section(master, "CHECKOUT");
        }
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "a")), settings().caseSensitive(false).build()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("Several TestRail")
                .hasMessageContaining("suite map");
    }

    // ---- suite map ---------------------------------------------------------------------------

    @Test
    void pinnedSuitesMatchFlowsByName() {
        World w = multiSuite();
        long otherId = w.suites.get(1).id();
        SyncPlan p = w.plan(plan(suite("Checkout API", "Add item"), suite("Legacy", "Add item")),
                settings().suiteMap(Map.of("Checkout API", "Checkout", "Legacy", "S" + otherId)).build());
        assertThat(p.target().kind()).isEqualTo(TargetKind.NEW_PLAN);
        assertThat(p.runs()).extracting(SyncPlan.PlannedRun::suiteName).containsExactly("Checkout", "Other");
        assertThatThrownBy(() -> w.plan(plan(suite("X", "a")), settings().suiteMap(Map.of("X", "Nope")).build()))
                .hasMessageContaining("'Nope'").hasMessageContaining("Checkout, Other");
    }

    @Test
    void suiteMapPointsAtSectionsInSingleSuiteProjects() {
        World w = singleSuite(SuiteMode.SINGLE_SUITE);
        SyncPlan p = w.plan(plan(suite("Nightly", "Refund")), settings().suiteMap(Map.of("Nightly", "Nested")).build());
        assertThat(p.flows()).singleElement().extracting(FlowMatch::how).isEqualTo(How.NAME);
    }

    @Test
    void baselineChosenByName() {
        World w = singleSuite(SuiteMode.SINGLE_SUITE_BASELINES);
        long baseline = w.suite("Release 2");
        w.kase(baseline, w.section(baseline, "Checkout"), "Add item");
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item")), settings().baseline("release 2").caseSensitive(false).build());
        assertThat(p.runs()).singleElement().extracting(SyncPlan.PlannedRun::suiteId).isEqualTo(baseline);
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "a")), settings().baseline("Release 9").build()))
                .hasMessageContaining("Release 9").hasMessageContaining("Master");
    }

    // ---- auto-create ------------------------------------------------------------------------

    @Test
    void autoCreateInMultiSuiteMode() {
        World w = multiSuite();
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item", "New flow", "New flow"), suite("Payments", "Card", "Cash")),
                settings().autoCreate(true).build());
        assertThat(p.newSuites()).extracting(SyncPlan.PlannedSuite::name).containsExactly("Payments");
        assertThat(p.newSections()).extracting(SyncPlan.PlannedSection::name).containsExactly("Loadmill", "Loadmill");
        assertThat(p.newCases()).extracting(SyncPlan.PlannedCase::title).containsExactly("New flow", "Card", "Cash");
        assertThat(p.target().kind()).isEqualTo(TargetKind.NEW_PLAN);
        assertThat(p.runs().get(0).caseIds()).hasSize(2).as("same-named flows share one new case");
        assertThat(p.runs().get(0).results()).hasSize(3);
        assertThat(p.newCases().get(0).suiteId()).isEqualTo(w.suites.get(0).id());
        assertThat(p.newCases().get(1).suiteId()).isEqualTo(p.newSuites().get(0).ref());
        assertThat(SyncPlanText.render(p)).contains("+ suite 'Payments'")
                .contains("+ section 'Loadmill' in suite 'Checkout' (S" + w.suites.get(0).id() + ")")
                .contains("+ section 'Loadmill' in new suite 'Payments'")
                .contains("+ case 'Card' in new section 'Loadmill'")
                .contains("new entry in suite 'Payments': 2 case(s), results: 2 Passed")
                .contains("Checkout / New flow -> new case 'New flow' [to create] Passed");
    }

    @Test
    void autoCreateUsesAnExistingLoadmillSection() {
        World w = multiSuite();
        long section = w.section(w.suites.get(0).id(), "loadmill");
        SyncPlan p = w.plan(plan(suite("Checkout", "New")), settings().autoCreate(true).caseSensitive(false).build());
        assertThat(p.newSections()).isEmpty();
        assertThat(p.newCases()).singleElement().extracting(SyncPlan.PlannedCase::sectionId).isEqualTo(section);
    }

    @ParameterizedTest
    @EnumSource(value = SuiteMode.class, names = {"SINGLE_SUITE", "SINGLE_SUITE_BASELINES"})
    void autoCreateSectionsNamedAfterLoadmillSuites(SuiteMode mode) {
        World w = singleSuite(mode);
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item", "Brand new"), suite("Search", "Find")),
                settings().autoCreate(true).build());
        assertThat(p.newSuites()).isEmpty();
        assertThat(p.newSections()).extracting(SyncPlan.PlannedSection::name).containsExactly("Search");
        assertThat(p.newCases()).extracting(SyncPlan.PlannedCase::title).containsExactly("Brand new", "Find");
        assertThat(p.target().kind()).isEqualTo(TargetKind.NEW_RUN);
    }

    @Test
    void secondBuildMatchesWhatTheFirstCreatedIncludingCutTitles() {
        World w = multiSuite();
        String longName = "Checkout with a very long flow name ".repeat(10);
        CollectedResults results = plan(suite("Checkout", longName, "Short new"));
        SyncPlan first = w.plan(results, settings().autoCreate(true).build());
        assertThat(first.newCases()).hasSize(2);
        assertThat(first.warnings()).anyMatch(m -> m.contains("250-character"));
        long section = w.section(w.suites.get(0).id(), "Loadmill");
        first.newCases().forEach(c -> w.kase(c.suiteId(), section, c.title()));
        SyncPlan second = w.plan(results, settings().autoCreate(true).build());
        assertThat(second.newCases()).isEmpty();
        assertThat(second.flows()).extracting(FlowMatch::how).containsOnly(How.NAME);
    }

    @Test
    void requiredCaseFieldsFilledFromDefaultsOrRejectedBeforeCreating() {
        World w = multiSuite();
        w.caseFields.add(new CustomField(1, "custom_area", "Area", 6, true,
                List.of(new FieldConfig(false, List.of(7L), true, ""))));
        w.caseFields.add(new CustomField(2, "custom_other_project", "Other", 1, true,
                List.of(new FieldConfig(false, List.of(8L), true, ""))));
        w.caseFields.add(new CustomField(3, "custom_note", "Note", 1, true,
                List.of(new FieldConfig(true, List.of(), true, "n/a"))));
        CollectedResults results = plan(suite("Checkout", "New"));
        assertThatThrownBy(() -> w.plan(results, settings().autoCreate(true).build()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("custom_area (Area)")
                .hasMessageNotContaining("custom_other_project").hasMessageNotContaining("custom_note");
        SyncPlan p = w.plan(results, settings().autoCreate(true)
                .caseFieldDefaults(Map.of("custom_area", "3", "type_id", "7")).build());
        assertThat(p.newCases()).singleElement().satisfies(c -> {
            assertThat(c.body().fields()).containsEntry("custom_area", 3).containsEntry("custom_note", "n/a");
            assertThat(c.body().typeId()).hasValue(7);
        });
    }

    @Test
    void withoutAutoCreateMissingSuitesLeaveFlowsUnmatched() {
        World w = multiSuite();
        SyncPlan p = w.plan(plan(suite("Payments", "Card")), settings().build());
        assertThat(p.unmatchedFlows()).containsExactly("Payments / Card");
        assertThat(p.target().kind()).isEqualTo(TargetKind.NOTHING);
        assertThat(p.newSuites()).isEmpty();
    }

    // ---- targets -----------------------------------------------------------------------------

    @Test
    void existingRunGetsTheUnionOfCases() {
        World w = multiSuite();
        long suiteId = w.suites.get(0).id();
        Map<String, Long> ids = w.idsByTitle();
        w.run = new TestRun(900, 7, suiteId, "R", false, OptionalLong.empty(), "", "");
        w.tests.add(new io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test(1, ids.get("<p>Refund</p>"), 900, 1, "Refund"));
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item")), settings().existingRunId(900).build());
        assertThat(p.runs()).singleElement().satisfies(r -> {
            assertThat(r.existingRunId()).hasValue(900);
            assertThat(r.caseIds()).containsExactly(ids.get("<p>Refund</p>"), ids.get("Add item"));
            assertThat(r.needsSelectionUpdate()).isTrue();
        });
    }

    @Test
    void closedRunOrPlanIsAnError() {
        World w = multiSuite();
        w.run = new TestRun(900, 7, w.suites.get(0).id(), "R", true, OptionalLong.empty(), "", "");
        assertThatThrownBy(() -> w.plan(plan(suite("Checkout", "Add item")), settings().existingRunId(900).build()))
                .hasMessageContaining("R900 is closed");
        World v = multiSuite();
        v.plan = new TestPlan(50, 7, "P", true, "", List.of());
        assertThatThrownBy(() -> v.plan(plan(suite("Checkout", "Add item")), settings().existingPlanId(50).build()))
                .hasMessageContaining("P50 is closed");
    }

    @Test
    void existingPlanUpdatesKnownEntriesAndAddsMissingOnes() {
        World w = multiSuite();
        long checkout = w.suites.get(0).id();
        w.plan = new TestPlan(50, 7, "P", false, "", List.of(new PlanEntry("e-1", checkout, "E",
                List.of(new TestRun(901, 7, checkout, "E", false, OptionalLong.of(50), "e-1", "")))));
        SyncPlan p = w.plan(plan(suite("Checkout", "Add item"), suite("Other", "Add item")),
                settings().existingPlanId(50).build());
        assertThat(p.runs()).hasSize(2);
        assertThat(p.runs().get(0).existingEntryId()).isEqualTo("e-1");
        assertThat(p.runs().get(1).existingRunId()).isEmpty();
    }

    @Test
    void resultsCarryStatusElapsedCommentAndVersion() {
        World w = multiSuite();
        SyncPlan p = w.plan(plan(suite("Checkout", flow("Checkout", "Add item", RunStatus.FAILED),
                flow("Checkout", "Refund", RunStatus.FLAKY))), settings().build());
        List<SyncPlan.PlannedResult> results = p.runs().get(0).results();
        assertThat(results.get(0).status().label()).isEqualTo("Failed");
        assertThat(results.get(0).comment()).contains("Assertion failed").contains("Flow run: https://");
        assertThat(results.get(0).elapsed()).isEqualTo("66s");
        assertThat(results.get(0).version()).isEqualTo("plan-run-1");
        assertThat(results.get(1).status().label()).isEqualTo("Passed");
        assertThat(results.get(1).comment()).contains("2 retries");
        assertThat(p.target().name()).isEqualTo("Nightly (Loadmill 2026-11-26 08:00 UTC)");
        assertThat(SyncPlanText.render(p)).contains("new run 'Nightly").contains("1 Failed, 1 Passed")
                .contains("Checkout / Add item -> C");
    }

    @Test
    void thePlanShowsTheDescriptionAndReferencesARunWouldGet() {
        World w = multiSuite();
        CollectedResults r = plan(suite("Checkout", "Add item"));
        SyncPlan p = w.plan(r, settings().runDescription("Nightly build ${BUILD_NUMBER}\nby CI").runRefs("SHOP-12")
                .variable("BUILD_NUMBER", "42").build());

        assertThat(SyncPlanText.render(p)).contains("  description: Nightly build 42\n               by CI\n")
                .contains("  references: SHOP-12\n");
        w.run = new TestRun(900, 7, w.suites.get(0).id(), "R", false, OptionalLong.empty(), "", "");
        assertThat(SyncPlanText.render(w.plan(r, settings().existingRunId(900).runDescription("Not used").build())))
                .as("an existing run keeps its description").doesNotContain("description:");
    }

    @Test
    void milestoneByNameOrId() {
        World w = multiSuite();
        w.milestones.add(new Milestone(3, 7, "Release 1", true));
        w.milestones.add(new Milestone(4, 7, "Sprint 9", false));
        CollectedResults r = plan(suite("Checkout", "Add item"));
        assertThat(w.plan(r, settings().milestone("Sprint 9").build()).target().milestoneId()).hasValue(4);
        assertThat(w.plan(r, settings().milestone("M12").build()).target().milestoneId()).hasValue(12);
        assertThatThrownBy(() -> w.plan(r, settings().milestone("Sprint 10").build()))
                .hasMessageContaining("Sprint 10").hasMessageContaining("Release 1, Sprint 9");
    }
}
