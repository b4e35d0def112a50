/** Endpoint syntax for tcp, ipc and inproc (internal). */
package io.jzmtp.transport.endpoint;
