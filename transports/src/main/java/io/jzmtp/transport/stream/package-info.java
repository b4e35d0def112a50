/** Internal to jzmtp: stream. */
package io.jzmtp.transport.stream;
