/** Internal to jzmtp: inproc. */
package io.jzmtp.transport.inproc;
