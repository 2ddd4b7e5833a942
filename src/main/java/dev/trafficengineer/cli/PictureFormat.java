package dev.trafficengineer.cli;

/**
 * Output of the commands that can also draw: text for a person, the result as JSON, or the route
 * picture as SVG for a pull request or a runbook.
 */
enum PictureFormat {
  text,
  json,
  svg;

  /** The format for the parts that cannot draw (the live cluster adapter). */
  ReportFormat report() {
    return this == json ? ReportFormat.json : ReportFormat.text;
  }
}
