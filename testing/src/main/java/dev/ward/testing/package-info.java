/**
 * Ward's test kit: {@link dev.ward.testing.WardTest} starts a service for a JUnit 5 test class and injects a
 * {@link dev.ward.testing.WardClient} that speaks real HTTP and checks every answer against the service's OpenAPI
 * contract; {@link dev.ward.testing.WardContract} sends it requests generated from that contract (docs/testing.md).
 */
package dev.ward.testing;
