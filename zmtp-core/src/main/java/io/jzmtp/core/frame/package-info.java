/** ZMTP frame codec: internal to jzmtp, exported only to its transports and patterns modules. */
package io.jzmtp.core.frame;
