/** Not an API: what Ward's runtime needs from this module's types and users must not call. */
package dev.ward.internal;
