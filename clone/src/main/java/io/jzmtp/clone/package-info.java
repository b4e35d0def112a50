/** Clone (CHP, RFC 12) and Binary Star: arrives with the Clone issue. */
package io.jzmtp.clone;
