/** ZMTP greeting codec: internal to jzmtp, exported only to its transports and patterns modules. */
package io.jzmtp.core.greeting;
