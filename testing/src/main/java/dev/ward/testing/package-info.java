/**
 * Ward's test kit: {@link dev.ward.testing.WardTest} starts a service for a JUnit 5 test class and injects a
 * {@link dev.ward.testing.WardClient} that speaks real HTTP and checks every answer against the service's OpenAPI
 * contract, {@link dev.ward.testing.WardContract} that sends it requests generated from that contract, and
 * {@link dev.ward.testing.Faults} that make a route fail, stall or answer 5xx on demand (docs/testing.md).
 */
package dev.ward.testing;
