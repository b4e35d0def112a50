/** Messages as they travel through pipes, and their recycling (internal). */
package io.jzmtp.transport.msg;
