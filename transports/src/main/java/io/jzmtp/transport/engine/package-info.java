/** The ZMTP engine and its pure timing policies: heartbeats, reconnect back-off (internal). */
package io.jzmtp.transport.engine;
