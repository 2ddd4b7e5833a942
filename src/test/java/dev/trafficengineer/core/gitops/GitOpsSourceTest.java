package dev.trafficengineer.core.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.Kubectl;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("GitOps-managed routes")
class GitOpsSourceTest {
  private static ObjectMeta metadata(String fixture) {
    return RouteInput.single("yaml", TestFiles.read(fixture)).getMetadata();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "gitops/argo-tracking.yaml, Argo CD, annotation argocd.argoproj.io/tracking-id",
    "gitops/flux-kustomize.yaml, Flux, label kustomize.toolkit.fluxcd.io/name=apps",
    "gitops/helm.yaml, Helm, label app.kubernetes.io/managed-by=Helm"
  })
  @DisplayName("Argo CD, Flux and Helm are recognised by their marks")
  void recognised(String fixture, String tool, String evidence) {
    assertThat(GitOpsSource.of(metadata(fixture)))
        .hasValueSatisfying(
            manager -> {
              assertThat(manager.tool()).isEqualTo(tool);
              assertThat(manager.evidence()).contains(evidence);
              assertThat(manager.consequence()).containsAnyOf("revert", "put back");
            });
  }

  @Test
  @DisplayName("a route without those marks is not managed")
  void plain() {
    assertThat(GitOpsSource.of(metadata("cluster/combined.yaml"))).isEmpty();
    assertThat(GitOpsSource.warnings(metadata("cluster/combined.yaml"))).isEmpty();
  }

  @Test
  @DisplayName("the offline rollback of a managed route warns that the tool will revert it")
  void offlineRollbackWarns() {
    RollbackResult result =
        Rollback.compute(
            new RollbackRequest(
                TestFiles.read("gitops/argo-tracking.yaml"), null, null, null, null));

    assertThat(result.warnings())
        .anySatisfy(
            warning -> assertThat(warning).contains("Argo CD", "OutOfSync", "patches: entry"));
  }

  @Test
  @DisplayName("the kustomize patches: entry, built by the real kustomize, sets the new weights")
  void kustomizeBuild(@TempDir Path directory) throws IOException {
    assumeTrue(Kubectl.available(), "kubectl is not installed");
    String route = TestFiles.read("gitops/flux-kustomize.yaml");
    RollbackResult rollback = Rollback.compute(new RollbackRequest(route, null, null, null, null));
    String entry =
        GitOpsSource.kustomizePatch(
            RouteKind.HTTP_ROUTE, "task-api", "task-api-combined", rollback.patch());
    Files.writeString(directory.resolve("route.yaml"), route);
    Files.writeString(
        directory.resolve("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
            + "- route.yaml\n"
            + entry);

    Kubectl.Result built = Kubectl.kustomize(directory);

    assertThat(entry).isEqualTo(TestFiles.read("gitops/combined-rollback.kustomize.yaml"));
    assertThat(built.exitCode()).as(built.stderr()).isZero();
    assertThat(
            RouteInput.single("yaml", built.stdout()).getSpec().getRules().get(1).getBackendRefs())
        .extracting(backend -> backend.getName() + "=" + backend.getWeight())
        .containsExactly("task-api-stable=100", "task-api-canary=0");
  }
}
