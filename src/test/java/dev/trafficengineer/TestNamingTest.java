package dev.trafficengineer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Surefire runs only classes named {@code *Test} and Failsafe only {@code *IT}: seven property
 * classes named {@code *Properties} once sat in the tree without ever running in {@code mvn
 * verify}.
 */
@AnalyzeClasses(
    packages = "dev.trafficengineer",
    importOptions = ImportOption.OnlyIncludeTests.class)
class TestNamingTest {

  @ArchTest
  static final ArchRule classesWithTestsAreNamedSoMavenRunsThem =
      classes()
          .that()
          .areTopLevelClasses()
          .and()
          .containAnyMethodsThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "are annotated @Test, @Property, @Example or @FuzzTest",
                  method ->
                      method.isAnnotatedWith("org.junit.jupiter.api.Test")
                          || method.isAnnotatedWith("net.jqwik.api.Property")
                          || method.isAnnotatedWith("net.jqwik.api.Example")
                          || method.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
                          || method.isAnnotatedWith("com.code_intelligence.jazzer.junit.FuzzTest")))
          .should()
          .haveSimpleNameEndingWith("Test")
          .orShould()
          .haveSimpleNameEndingWith("IT");
}
