package dev.trafficengineer.cli;

/** Output of the route generators: the YAML to apply, or the whole result as JSON. */
enum RouteFormat {
  yaml,
  json
}
