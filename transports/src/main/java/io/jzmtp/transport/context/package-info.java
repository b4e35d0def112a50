/** Internal to jzmtp: context. */
package io.jzmtp.transport.context;
