package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A change to a route that Argo CD, Flux or Helm renders, in the form that belongs in its source.
 *
 * @param tool {@code Argo CD}, {@code Flux} or {@code Helm}
 * @param evidence the labels and annotations that say so
 * @param why what the tool would do to a live patch
 * @param kustomizePatch a kustomization's {@code patches:} entry (JSON 6902 patch and target),
 *     ready to commit beside the route's source; absent for a whole-route replacement, whose YAML
 *     is itself what to commit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GitOpsPlan(String tool, List<String> evidence, String why, String kustomizePatch) {}
