/** Internal to jzmtp: socket. */
package io.jzmtp.transport.socket;
