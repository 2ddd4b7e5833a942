package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void explore() {
    SharedCrds.assumePresent();
    for (Path file : SharedCrds.crdFiles()) {
      RouteCrds crds = RouteCrds.parse(SharedCrds.read(file));
      RouteCrd crd = crds.all().get(0);
      System.out.println("== " + file + " rules=" + crd.ruleCount() + " uncompiled=" + crd.uncompiledRules());
      for (String folder : List.of("valid", "invalid", "grpc-valid")) {
        int rejected = 0;
        for (Path doc : SharedCrds.corpus(folder)) {
          var tree = YamlReader.read(SharedCrds.read(doc)).get(0).tree();
          if (!crd.kind().equals(tree.path("kind").asString(""))) continue;
          List<Violation> v = RouteJudge.judge(tree, crd);
          if (!v.isEmpty()) {
            rejected++;
            if (!folder.equals("invalid") || file.toString().contains("v1.6.1/standard"))
            System.out.println("  " + folder + "/" + doc.getFileName() + " " + v);
          }
        }
        System.out.println("  " + folder + " rejected=" + rejected);
      }
    }
  }
}
