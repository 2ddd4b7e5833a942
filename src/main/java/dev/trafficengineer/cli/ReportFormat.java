package dev.trafficengineer.cli;

/** Output of plans and decisions: text for a person, or the whole result as JSON. */
enum ReportFormat {
  text,
  json
}
