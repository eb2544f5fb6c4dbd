/**
 * What users of Ward write against: {@link dev.ward.undertow.WardServer} and its builder, the {@link
 * dev.ward.undertow.Routes} that generated classes implement, and the compensation and access-log SPIs.
 *
 * <p>Generated code also calls {@code dev.ward.undertow.internal}, which carries no compatibility promise.
 */
package dev.ward.undertow;
