package com.vendin.whatsapp.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of docs/ARCHITECTURE.md, checked on the main classes of every module. */
@AnalyzeClasses(packages = "com.vendin.whatsapp", importOptions = MainClassesOnly.class)
class DependencyRuleTest {
    private static final String PORTS = "com.vendin.whatsapp.ports..";
    private static final String DOMAIN = "com.vendin.whatsapp.domain..";
    private static final String HTTP = "com.vendin.whatsapp.http..";
    private static final String PERSISTENCE = "com.vendin.whatsapp.persistence..";
    private static final String WHATSAPP = "com.vendin.whatsapp.whatsapp..";
    private static final String APP = "com.vendin.whatsapp.app..";
    private static final String PORTS_TESTING = "com.vendin.whatsapp.ports.testing..";
    private static final String TENANT_CLIENT = "com.vendin.whatsapp.tenant..";

    @ArchTest
    static final ArchRule portsSeeOnlyTheJdk = classes()
            .that()
            .resideInAPackage(PORTS)
            .and()
            .resideOutsideOfPackage(PORTS_TESTING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(PORTS, "java..", "com.google.i18n.phonenumbers..")
            .because("ports are interfaces and values of the JDK only");

    @ArchTest
    static final ArchRule portsTestingSeesOnlyPortsAndTestLibraries = classes()
            .that()
            .resideInAPackage(PORTS_TESTING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(PORTS, "java..", "org.junit..", "org.assertj..", "com.google.i18n.phonenumbers..")
            .because("the fakes and contract tests (module ports-testing) stand on the ports alone");

    @ArchTest
    static final ArchRule noMainCodeUsesTheFakes = noClasses()
            .that()
            .resideOutsideOfPackage(PORTS_TESTING)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PORTS_TESTING)
            .because("ports-testing is a test-scope dependency only");

    @ArchTest
    static final ArchRule tenantClientSeesOnlyTheJdk = classes()
            .that()
            .resideInAPackage(TENANT_CLIENT)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(TENANT_CLIENT, "java..", "javax.crypto..")
            .because("tenant-client is for tenant instances: the JDK only, nothing of the gateway");

    @ArchTest
    static final ArchRule nothingOfTheGatewaySeesTheTenantClient = noClasses()
            .that()
            .resideOutsideOfPackage(TENANT_CLIENT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TENANT_CLIENT)
            .because("the tenant client is the other side of the wire, tested against the gateway, never used by it");

    @ArchTest
    static final ArchRule domainSeesOnlyPortsAndTheJdk = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, PORTS, "java..", "javax.crypto..", "com.google.i18n.phonenumbers..")
            .because("the inside knows nothing of the outside");

    @ArchTest
    static final ArchRule adaptersDoNotSeeTheDomain = noClasses()
            .that()
            .resideInAnyPackage(HTTP, PERSISTENCE, WHATSAPP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN, APP)
            .because("adapters implement ports and never reach into the domain or the composition root");

    @ArchTest
    static final ArchRule httpAdapterIsIndependent = noClasses()
            .that()
            .resideInAPackage(HTTP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PERSISTENCE, WHATSAPP);

    @ArchTest
    static final ArchRule persistenceAdapterIsIndependent = noClasses()
            .that()
            .resideInAPackage(PERSISTENCE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(HTTP, WHATSAPP);

    @ArchTest
    static final ArchRule whatsappAdapterIsIndependent = noClasses()
            .that()
            .resideInAPackage(WHATSAPP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(HTTP, PERSISTENCE);

    @ArchTest
    static final ArchRule onlyTheAppKnowsGuice = noClasses()
            .that()
            .resideOutsideOfPackage(APP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .because("Guice lives in the composition root only");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("com.vendin.whatsapp.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesInsideModulesAreFreeOfCycles =
            slices().matching("com.vendin.whatsapp.(*).(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
