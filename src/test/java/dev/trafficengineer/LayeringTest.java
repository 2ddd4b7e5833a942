package dev.trafficengineer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core is the whole domain and stays pure: no protocol, no command line, no cluster client, no
 * language model. Adapters depend on the core, never on each other.
 */
@AnalyzeClasses(
    packages = "dev.trafficengineer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule coreUsesNoAdapterLibrary =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.modelcontextprotocol..",
              "io.fabric8.kubernetes.client..",
              "dev.langchain4j..",
              "picocli..",
              "org.eclipse.jetty..",
              "jakarta.servlet..");

  @ArchTest
  static final ArchRule coreKnowsNoAdapter =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.trafficengineer.mcp..",
              "dev.trafficengineer.cli..",
              "dev.trafficengineer.cluster..",
              "dev.trafficengineer.chat..",
              "dev.trafficengineer.metrics..");

  @ArchTest
  static final ArchRule mcpDoesNotUseTheCommandLine =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.mcp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.trafficengineer.cli..", "picocli..");

  /** Jetty stays behind {@code serve --http}: the stdio server must not pay for loading it. */
  @ArchTest
  static final ArchRule onlyTheHttpServerUsesJetty =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.trafficengineer.mcp.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jetty..", "jakarta.servlet..");

  /**
   * The cluster client stays behind {@code --cluster} and the live commands: only the adapter uses
   * it, and only the cluster tools and the cluster commands use the adapter.
   */
  @ArchTest
  static final ArchRule onlyTheClusterAdapterUsesTheClient =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.trafficengineer.cluster..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.fabric8.kubernetes.client..");

  @ArchTest
  static final ArchRule onlyClusterToolsAndCommandsUseTheAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.trafficengineer.cluster..")
          .and()
          .haveSimpleNameNotStartingWith("Cluster")
          .and()
          .haveSimpleNameNotStartingWith("Live")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.trafficengineer.cluster..");

  @ArchTest
  static final ArchRule mcpKnowsNoChat =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.mcp..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.trafficengineer.chat..");

  /**
   * The chat reaches the operations through {@code mcp.Operation}, which names no SDK type, so a
   * chat session loads no MCP class; and it never reaches into the command line.
   */
  @ArchTest
  static final ArchRule chatUsesNoProtocolOrCommandLine =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.chat..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.modelcontextprotocol..",
              "dev.trafficengineer.cli..",
              "picocli..",
              "dev.trafficengineer.cluster..");

  /** langchain4j stays behind {@code chat}: serve and the other commands must not pay for it. */
  @ArchTest
  static final ArchRule onlyTheChatUsesLangchain4j =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.trafficengineer.chat..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.langchain4j..");

  @ArchTest
  static final ArchRule metricsUsesNoFrontEnd =
      noClasses()
          .that()
          .resideInAPackage("dev.trafficengineer.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.trafficengineer.mcp..", "dev.trafficengineer.cli..", "picocli..");

  @ArchTest
  static final ArchRule coreWritesNothingToTheConsole =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.trafficengineer.core..",
              "dev.trafficengineer.mcp..",
              "dev.trafficengineer.metrics..",
              "dev.trafficengineer.chat..")
          .should()
          .accessField(System.class, "out");
}
