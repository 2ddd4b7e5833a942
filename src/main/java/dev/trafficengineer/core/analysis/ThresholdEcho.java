package dev.trafficengineer.core.analysis;

/** One threshold as the verdict used it: its value, whether it is the default, and why. */
public record ThresholdEcho(String name, double value, boolean isDefault, String why) {}
