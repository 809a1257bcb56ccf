package io.windlass.scheduler.host;

/**
 * How much more than the physical capacity may be claimed (overcommit).
 *
 * @param cpu  virtual CPUs per CPU
 * @param ram  memory multiplier
 * @param disk disk multiplier
 */
public record AllocationRatios(double cpu, double ram, double disk) {
}
