/**
 * The public jzmtp API: {@link io.jzmtp.Context}, the typed sockets, {@link io.jzmtp.Message},
 * {@link io.jzmtp.SocketOptions} and {@link io.jzmtp.Monitor}.
 */
package io.jzmtp;
