package dev.trafficengineer.core.generate;

/**
 * The questions of the decision framework; each is yes ({@code true}), no ({@code false}) or
 * unknown ({@code null}).
 */
public record DecisionRequest(
    Boolean instantSwitch,
    Boolean specificUsers,
    Boolean databaseMigration,
    Boolean gradualRiskReduction,
    Boolean breakingApiChange,
    Boolean compliance,
    Boolean performanceTesting) {}
