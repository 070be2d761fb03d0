package vn.directivetracker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code (docs/adr/0010-dependency-direction-and-domain-events.md): features depend on
 * each other one way only, email is a reaction to domain events, process adapters and controllers
 * stay thin. A failure names the offending dependency; fix the code, not this test.
 */
@AnalyzeClasses(packages = "vn.directivetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "vn.directivetracker.";

    /**
     * The one dependency against the direction that is still there: {@code directive} plans, amends
     * and shows assignments through {@code assignment}'s classes. Moving those operations behind
     * domain events is the next step (docs/adr/0010-dependency-direction-and-domain-events.md, "Open").
     */
    private static final DescribedPredicate<JavaClass> DIRECTIVE = resideInAPackage("..directivetracker.directive..");
    private static final DescribedPredicate<JavaClass> ASSIGNMENT = resideInAPackage("..directivetracker.assignment..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching(ROOT + "(*)..")
            .namingSlices("$1")
            .should().beFreeOfCycles()
            .ignoreDependency(DIRECTIVE, ASSIGNMENT);

    @ArchTest
    static final ArchRule reportingFeaturesAreFreeOfCycles = slices().matching(ROOT + "reporting.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dependenciesRunOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("common").definedBy(ROOT + "common..")
            .layer("identity").definedBy(ROOT + "identity..")
            .layer("agency").definedBy(ROOT + "agency..")
            .layer("calendar").definedBy(ROOT + "calendar..")
            .layer("directive").definedBy(ROOT + "directive..")
            .layer("assignment").definedBy(ROOT + "assignment..")
            .layer("reporting").definedBy(ROOT + "reporting..")
            .layer("notification").definedBy(ROOT + "notification..")
            .layer("access").definedBy(ROOT + "access..")
            .layer("delegation").definedBy(ROOT + "delegation..")
            .layer("audit").definedBy(ROOT + "audit..")
            .layer("accounts").definedBy(ROOT + "accounts..")
            .layer("startup").definedBy(ROOT + "startup..")
            // Beside the domain: nobody imports them (notification reacts to events, startup runs steps).
            .whereLayer("startup").mayNotBeAccessedByAnyLayer()
            .whereLayer("notification").mayNotBeAccessedByAnyLayer()
            .whereLayer("audit").mayNotBeAccessedByAnyLayer()
            .whereLayer("accounts").mayNotBeAccessedByAnyLayer()
            .whereLayer("delegation").mayOnlyBeAccessedByLayers("audit")
            .whereLayer("access").mayOnlyBeAccessedByLayers("delegation")
            // The domain, bottom to top: common/identity → agency, calendar → directive → assignment → reporting.
            .whereLayer("reporting").mayOnlyBeAccessedByLayers("notification", "access")
            .whereLayer("assignment").mayOnlyBeAccessedByLayers("reporting", "notification", "access", "audit", "directive")
            .whereLayer("directive").mayOnlyBeAccessedByLayers("assignment", "reporting", "notification", "access", "audit")
            .whereLayer("calendar").mayOnlyBeAccessedByLayers("directive", "assignment", "reporting", "notification",
                    "access", "audit")
            .whereLayer("agency").mayOnlyBeAccessedByLayers("directive", "assignment", "reporting", "notification",
                    "access", "delegation", "audit", "accounts")
            .whereLayer("identity").mayOnlyBeAccessedByLayers("agency", "calendar", "directive", "assignment", "reporting",
                    "notification", "access", "delegation", "audit", "accounts")
            .ignoreDependency(DIRECTIVE, ASSIGNMENT);

    @ArchTest
    static final ArchRule domainPackagesDoNotSendMail = noClasses()
            .that().resideInAnyPackage(ROOT + "agency..", ROOT + "calendar..", ROOT + "directive..",
                    ROOT + "assignment..", ROOT + "reporting..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "notification..")
            .because("notifications react to domain events (docs/adr/0010-dependency-direction-and-domain-events.md)");

    /** Classes of repositories, JDBC and the engine's services: what adapters and controllers leave to services. */
    private static final DescribedPredicate<JavaClass> DATA_OR_ENGINE = or(
            simpleNameEndingWith("Repository").and(resideInAPackage("vn.directivetracker..")),
            belongToAnyOf(JdbcClient.class, RuntimeService.class, TaskService.class, RepositoryService.class,
                    HistoryService.class, IdentityService.class, ManagementService.class, AuthorizationService.class,
                    FilterService.class, FormService.class, ProcessEngine.class))
            .as("repositories, JdbcClient or the engine's services");

    /** The process adapters: the @Configuration classes that declare delegates and task/execution listeners. */
    @ArchTest
    static final ArchRule delegatesAndListenersCallServicesOnly = noClasses()
            .that().haveSimpleNameEndingWith("ProcessBeans")
            .or().haveSimpleNameEndingWith("CollectionBeans")
            .or().haveSimpleNameEndingWith("Delegates")
            .or().haveSimpleNameEndingWith("TaskListeners")
            .should().dependOnClassesThat(DATA_OR_ENGINE)
            .because("a delegate or listener is a line or two over a service");

    @ArchTest
    static final ArchRule controllersTranslateHttpOnly = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(DATA_OR_ENGINE)
            .because("rules and data access live in services; controllers translate HTTP");
}
