/** Routing strategies of the socket types (internal; not exported). */
package io.jzmtp.internal;
