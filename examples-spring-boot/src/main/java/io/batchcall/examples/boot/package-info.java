/**
 * An example Spring Boot application using batchcall through its starter: a simulated carrier,
 * the engine on the application's DataSource, a small REST API to launch campaigns, metrics and
 * health under {@code /actuator}.
 */
package io.batchcall.examples.boot;
